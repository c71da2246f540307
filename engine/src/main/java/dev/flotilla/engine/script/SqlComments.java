package dev.flotilla.engine.script;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells comments from SQL in the places a script may hold only comments: before its first section,
 * and in an irreversible downgrade. Knows {@code --} line comments and {@code /* ... *}{@code /} blocks.
 */
final class SqlComments {

    private SqlComments() {
    }

    /** The first line in {@code [from, to)} with text outside comments, or 0 when there is none. */
    static int firstCodeLine(ScriptText text, int from, int to) {
        boolean inBlock = false;
        for (int n = from; n < to; n++) {
            String line = text.line(n);
            int i = 0;
            while (i < line.length()) {
                if (inBlock) {
                    int end = line.indexOf("*/", i);
                    inBlock = end < 0;
                    i = end < 0 ? line.length() : end + 2;
                } else if (Character.isWhitespace(line.charAt(i))) {
                    i++;
                } else if (line.startsWith("--", i)) {
                    i = line.length();
                } else if (line.startsWith("/*", i)) {
                    inBlock = true;
                    i += 2;
                } else {
                    return n;
                }
            }
        }
        return 0;
    }

    /** The words of the comments in {@code [from, to)} without comment markers, joined by single spaces. */
    static String words(ScriptText text, int from, int to) {
        List<String> parts = new ArrayList<>();
        for (int n = from; n < to; n++) {
            String line = text.line(n).replace("/*", " ").replace("*/", " ").strip();
            int start = 0;
            while (start < line.length() && (line.charAt(start) == '-' || line.charAt(start) == '*')) {
                start++;
            }
            String words = line.substring(start).strip();
            if (!words.isEmpty()) {
                parts.add(String.join(" ", words.split("\\s+")));
            }
        }
        return String.join(" ", parts);
    }
}
