package dev.flotilla.engine.script;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A script's text as the parser sees it: strictly decoded UTF-8, byte order mark removed, CRLF and CR
 * line endings turned into LF. Lines are numbered from 1. Immutable.
 */
final class ScriptText {

    private final String text;
    private final int[] lineStarts;

    private ScriptText(String text) {
        this.text = text;
        this.lineStarts = lineStarts(text);
    }

    /** The text of a string, normalised as a file's would be. */
    static ScriptText of(String raw) {
        return new ScriptText(normalise(raw));
    }

    /** Reads and decodes a file; on failure reports it and returns null. */
    static ScriptText read(FileProblems problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(problems.path());
        } catch (IOException e) {
            problems.add(0, "cannot read the file (" + describe(e) + "); check that it exists and is readable");
            return null;
        }
        CharBuffer chars = CharBuffer.allocate(bytes.length);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            int offset = in.position();
            problems.add(lineOfByte(bytes, offset), String.format(
                    "not valid UTF-8 (byte 0x%02X at offset %d); save the file as UTF-8", bytes[offset] & 0xFF, offset));
            return null;
        }
        return of(chars.flip().toString());
    }

    /** SHA-256 of the normalised text, lower-case hex. */
    String checksum() {
        return SqlFile.sha256(text);
    }

    /** The whole normalised text. */
    String text() {
        return text;
    }

    int lineCount() {
        return lineStarts.length;
    }

    /** Line {@code n} (1-based) without its line ending. */
    String line(int n) {
        int start = lineStarts[n - 1];
        int end = n < lineStarts.length ? lineStarts[n] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\n') {
            end--;
        }
        return text.substring(start, end);
    }

    /** The text from the start of line {@code from} up to the start of line {@code to}, verbatim. */
    String lines(int from, int to) {
        return text.substring(offsetOf(from), offsetOf(to));
    }

    private int offsetOf(int line) {
        return line <= lineStarts.length ? lineStarts[line - 1] : text.length();
    }

    /** Removes a byte order mark and turns CRLF and CR line endings into LF. */
    static String normalise(String raw) {
        String text = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        if (text.indexOf('\r') < 0) {
            return text;
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 0;
        int start = 0;
        while (start < text.length()) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = start;
            int newline = text.indexOf('\n', start);
            start = newline < 0 ? text.length() : newline + 1;
        }
        return Arrays.copyOf(starts, count);
    }

    private static int lineOfByte(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                line++;
            }
        }
        return line;
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
