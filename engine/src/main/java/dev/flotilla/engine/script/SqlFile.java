package dev.flotilla.engine.script;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A migration file's text as every format reads it: strictly decoded UTF-8, byte order mark removed,
 * CRLF and CR line endings turned into LF. The format readers in the sub-packages share it so that the
 * same text has the same checksum whatever format it is read in. Immutable and thread-safe.
 *
 * @param path the file, for messages
 * @param text the normalised text (normalised again here if given raw)
 */
public record SqlFile(Path path, String text) {

    public SqlFile {
        Objects.requireNonNull(path, "path");
        text = ScriptText.normalise(Objects.requireNonNull(text, "text"));
    }

    /**
     * Reads and decodes a file. Null when it cannot be read or is not valid UTF-8; the problem (with the
     * line of the bad byte) is then added to {@code found}.
     */
    public static SqlFile read(Path path, List<Problem> found) {
        FileProblems problems = new FileProblems(path);
        ScriptText text = ScriptText.read(problems);
        found.addAll(problems.list());
        return text == null ? null : new SqlFile(path, text.text());
    }

    /** SHA-256 of the text, lower-case hex: the same as a Flotilla script's checksum of the same text. */
    public String checksum() {
        return sha256(text);
    }

    /** SHA-256 of a string's UTF-8 bytes, lower-case hex. */
    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
