package dev.flotilla.engine.script;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code -- key: value} lines that open a script, after any blank lines. The header ends at the
 * first line of another kind (a blank line, a plain comment, a section marker, SQL). Immutable.
 */
final class Header {

    static final String REVISION = "revision";
    static final String DOWN_REVISION = "down_revision";
    static final String BRANCH_LABELS = "branch_labels";
    static final String DEPENDS_ON = "depends_on";
    static final String MESSAGE = "message";
    static final String CREATE_DATE = "create_date";

    /** The keys, in the order the writer writes them. */
    static final List<String> KEYS = List.of(REVISION, DOWN_REVISION, BRANCH_LABELS, DEPENDS_ON, MESSAGE, CREATE_DATE);

    private record Entry(String value, int line) {
    }

    /** One {@code -- key: value} line, split. */
    private record KeyValue(String key, String value) {
    }

    private final Map<String, Entry> entries;
    private final int endLine;

    private Header(Map<String, Entry> entries, int endLine) {
        this.entries = Map.copyOf(entries);
        this.endLine = endLine;
    }

    /** Reads the header, reporting unknown, repeated and missing keys. */
    static Header parse(ScriptText text, FileProblems problems) {
        int n = 1;
        while (n <= text.lineCount() && text.line(n).isBlank()) {
            n++;
        }
        Map<String, Entry> entries = new HashMap<>();
        for (; n <= text.lineCount(); n++) {
            KeyValue keyValue = keyValue(text.line(n));
            if (keyValue == null) {
                break;
            }
            add(entries, keyValue.key(), new Entry(keyValue.value(), n), problems);
        }
        if (!entries.containsKey(REVISION)) {
            problems.add(1, "no '-- revision: <id>' header line; every migration file starts with one");
        }
        if (!entries.containsKey(DOWN_REVISION)) {
            problems.add(1, "no '-- down_revision:' header line; name the revision(s) this one follows,"
                    + " or leave the value empty for a base revision");
        }
        return new Header(entries, n);
    }

    private static void add(Map<String, Entry> entries, String key, Entry entry, FileProblems problems) {
        if (!KEYS.contains(key)) {
            problems.add(entry.line(), "unknown header key '" + key + "'; expected one of " + String.join(", ", KEYS));
            return;
        }
        Entry first = entries.putIfAbsent(key, entry);
        if (first != null) {
            problems.add(entry.line(), "header key '" + key + "' appears twice, at lines " + first.line() + " and "
                    + entry.line() + "; give each key once");
        }
    }

    /**
     * Splits {@code -- key: value} into key and stripped value; null for any other line. A key is a word
     * of ASCII letters, digits, '_' and '-' starting with a letter; {@code migrate} is a section marker's.
     */
    private static KeyValue keyValue(String line) {
        String stripped = line.strip();
        if (!stripped.startsWith("--")) {
            return null;
        }
        String rest = stripped.substring(2).stripLeading();
        int colon = rest.indexOf(':');
        if (colon <= 0 || !isKey(rest.substring(0, colon))) {
            return null;
        }
        String key = rest.substring(0, colon);
        return key.equals("migrate") ? null : new KeyValue(key, rest.substring(colon + 1).strip());
    }

    private static boolean isKey(String word) {
        if (!isAsciiLetter(word.charAt(0))) {
            return false;
        }
        for (int i = 1; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** The first line after the header. */
    int endLine() {
        return endLine;
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The key's value, or "" when absent. */
    String value(String key) {
        Entry entry = entries.get(key);
        return entry == null ? "" : entry.value();
    }

    /** The key's comma-separated values, each stripped; empty when the key is absent or its value empty. */
    List<String> list(String key) {
        String value = value(key);
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            items.add(item.strip());
        }
        return List.copyOf(items);
    }

    /** The key's line, or 0 when absent. */
    int line(String key) {
        Entry entry = entries.get(key);
        return entry == null ? 0 : entry.line();
    }
}
