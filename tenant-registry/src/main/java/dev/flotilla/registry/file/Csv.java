package dev.flotilla.registry.file;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: fields separated by commas, optionally in double quotes ({@code ""} for a quote inside),
 * quoted fields may span lines, records end with LF or CRLF. Unquoted fields are trimmed; quoted ones are
 * kept exactly. Blank lines are skipped; a UTF-8 byte order mark is dropped. Stateless.
 */
final class Csv {

    /**
     * One record: its first line (1-based), its fields, and where it sits in the text (end excludes the
     * line break).
     */
    record Row(int line, List<String> fields, int start, int end) {
    }

    /** A malformed record; the parse stops there. */
    static final class MalformedException extends Exception {
        final int line;

        MalformedException(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    private Csv() {
    }

    /** Takes each record as it is read. */
    @FunctionalInterface
    interface RowConsumer {
        void accept(Row row);
    }

    static List<Row> parse(String text) throws MalformedException {
        List<Row> rows = new ArrayList<>();
        parse(text, rows::add);
        return rows;
    }

    /**
     * Hands each record to {@code rows} as soon as it is read, so that a large file is never held twice
     * (as text and as records). Records before a malformed one have been handed over when it throws.
     */
    static void parse(String text, RowConsumer rows) throws MalformedException {
        int at = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        while (at < text.length()) {
            int lineEnd = lineEnd(text, at);
            if (isBlank(text, at, lineEnd)) {
                at = next(text, lineEnd);
                line++;
                continue;
            }
            int start = at;
            int firstLine = line;
            List<String> fields = new ArrayList<>(8);
            while (true) {
                int fieldStart = at;
                while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
                    at++;
                }
                if (at < text.length() && text.charAt(at) == '"') {
                    StringBuilder value = new StringBuilder();
                    int quoteLine = line;
                    at++;
                    while (true) {
                        if (at >= text.length()) {
                            throw new MalformedException(quoteLine, "quoted field is not closed (a '\"' is missing)");
                        }
                        char c = text.charAt(at);
                        if (c == '"' && at + 1 < text.length() && text.charAt(at + 1) == '"') {
                            value.append('"');
                            at += 2;
                        } else if (c == '"') {
                            at++;
                            break;
                        } else {
                            line += c == '\n' ? 1 : 0;
                            value.append(c);
                            at++;
                        }
                    }
                    while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
                        at++;
                    }
                    if (at < text.length() && text.charAt(at) != ',' && text.charAt(at) != '\r' && text.charAt(at) != '\n') {
                        throw new MalformedException(line, "text after a closing quote; quote the whole field, with \"\" for a quote inside");
                    }
                    fields.add(value.toString());
                } else {
                    at = fieldStart;
                    while (at < text.length() && text.charAt(at) != ',' && text.charAt(at) != '\r' && text.charAt(at) != '\n') {
                        if (text.charAt(at) == '"') {
                            throw new MalformedException(line, "a '\"' inside an unquoted field; quote the whole field, with \"\" for a quote inside");
                        }
                        at++;
                    }
                    fields.add(text.substring(fieldStart, at).strip());
                }
                if (at < text.length() && text.charAt(at) == ',') {
                    at++;
                    continue;
                }
                break;
            }
            rows.accept(new Row(firstLine, fields, start, at));
            at = next(text, at);
            line++;
        }
    }

    /** A field as written: quoted when it holds a comma, a quote, a line break or outer spaces. */
    static String format(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || !value.equals(value.strip());
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int lineEnd(String text, int at) {
        int end = at;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return end;
    }

    private static int next(String text, int lineEnd) {
        if (lineEnd < text.length() && text.charAt(lineEnd) == '\r') {
            lineEnd++;
        }
        if (lineEnd < text.length() && text.charAt(lineEnd) == '\n') {
            lineEnd++;
        }
        return lineEnd;
    }
}
