package dev.flotilla.registry.file;

import dev.flotilla.registry.Origin;
import dev.flotilla.registry.Problem;
import dev.flotilla.registry.TenantEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the usual shape of a large YAML registry without the YAML parser: blank and comment lines, a
 * {@code tenants:} line, then one flow mapping per line whose keys and values are plain words,
 * <pre>
 *   - {id: acme, server: pg1, schema: tenant_acme, tags: [gold, canary], state: active, attributes: {region: eu}}
 * </pre>
 * This is the shape {@code provision --register} writes and that generated registries use. snakeyaml
 * spends some 20 parser events on such a line, which made a 100,000-tenant file take seconds in a cold JVM;
 * this reader takes a tenth of that.
 *
 * <p>It never decides anything the YAML reader would decide differently: on any other shape (quotes,
 * block mappings, anchors, a null, a word with other characters, an unknown or repeated key, a
 * {@code tags} that is not a list, a line it does not recognise) it gives up and returns {@code null}, and
 * {@link YamlTenants} reads the whole text instead, with its messages. What it accepts it hands to
 * {@link Fields} exactly as the YAML reader would, so the entries, their lines and the problems found in
 * values (a bad id, an unknown state) are the same. Words are {@code [A-Za-z0-9_][A-Za-z0-9_.-]*} other
 * than {@code null}, {@code Null} and {@code NULL}: YAML reads each of them back as the same string.
 * One use per instance; not thread-safe.
 */
final class FlowLines {

    private final String source;
    private final String text;
    private final List<TenantEntry> entries = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Canon canon = new Canon();
    /**
     * The current line: its number, the next character to read, where it ends (before its CR LF or LF;
     * a CR anywhere else is a character no rule accepts) and where the next line starts.
     */
    private int line;
    private int at;
    private int end;
    private int next;

    private FlowLines(String source, String text) {
        this.source = source;
        this.text = text;
    }

    /** The entries and problems, as {@link YamlTenants} would give them, or {@code null} if the text has another shape. */
    static YamlTenants.Result read(String source, String text) {
        FlowLines lines = new FlowLines(source, text);
        return lines.file() ? new YamlTenants.Result(lines.entries, lines.problems, null) : null;
    }

    private boolean file() {
        if (text.startsWith("\uFEFF")) {
            return false;
        }
        boolean sawKey = false;
        int indent = -1;
        while (nextLine()) {
            int first = skipSpaces();
            if (first == end) {
                continue;
            }
            if (text.charAt(first) == '#') {
                if (!isCommentText(first)) {
                    return false;
                }
                continue;
            }
            if (!sawKey) {
                if (first != at || !tenantsKey()) {
                    return false;
                }
                sawKey = true;
                continue;
            }
            int column = first - at;
            if ((indent >= 0 && column != indent) || !entry(first)) {
                return false;
            }
            indent = column;
        }
        return indent >= 0;
    }

    /** Moves to the next line; false at the end of the text. */
    private boolean nextLine() {
        if (next >= text.length()) {
            return false;
        }
        at = next;
        line++;
        int newline = text.indexOf('\n', at);
        end = newline < 0 ? text.length() : newline;
        next = newline < 0 ? text.length() : newline + 1;
        if (end > at && text.charAt(end - 1) == '\r') {
            end--;
        }
        return true;
    }

    private int skipSpaces() {
        int position = at;
        while (position < end && text.charAt(position) == ' ') {
            position++;
        }
        return position;
    }

    /** A comment YAML would also take as one: no line break of its own, nothing YAML refuses as unprintable. */
    private boolean isCommentText(int from) {
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            boolean printable = c == '\t' || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xFFFD && c != 0x2028 && c != 0x2029);
            if (!printable) {
                return false;
            }
        }
        return true;
    }

    /** {@code tenants:} at the start of the line, then nothing or a comment. */
    private boolean tenantsKey() {
        if (!text.startsWith("tenants:", at)) {
            return false;
        }
        at += "tenants:".length();
        return restIsBlank();
    }

    /** Spaces to the end of the line, or spaces and then a comment. */
    private boolean restIsBlank() {
        int position = skipSpaces();
        if (position == end) {
            return true;
        }
        return position > at && text.charAt(position) == '#' && isCommentText(position);
    }

    /** {@code - {key: value, ...}} and nothing after it but a comment. */
    private boolean entry(int dash) {
        at = dash;
        if (!take('-') || !space() || !take('{')) {
            return false;
        }
        Fields fields = new Fields(new Origin(source, line), problems, canon);
        List<String> seen = new ArrayList<>(8);
        do {
            at = skipSpaces();
            String key = key();
            if (key == null || seen.contains(key) || !take(':') || !space()) {
                return false;
            }
            seen.add(key);
            if (!value(fields, key)) {
                return false;
            }
            at = skipSpaces();
        } while (take(','));
        if (!take('}') || !restIsBlank()) {
            return false;
        }
        TenantEntry entry = fields.toEntry();
        if (entry != null) {
            entries.add(entry);
        }
        return true;
    }

    private boolean value(Fields fields, String key) {
        switch (key) {
            case "tags" -> {
                List<String> tags = tags();
                fields.tags = tags == null ? List.of() : tags;
                return tags != null;
            }
            case "attributes" -> {
                return attributes(fields);
            }
            default -> {
                String value = word();
                switch (key) {
                    case "id" -> fields.id = value;
                    case "server" -> fields.server = value;
                    case "database" -> fields.database = value;
                    case "schema" -> fields.schema = value;
                    default -> fields.state = value;
                }
                return value != null;
            }
        }
    }

    /** {@code [a, b]}, {@code []}; null when it is anything else. */
    private List<String> tags() {
        if (!take('[')) {
            return null;
        }
        List<String> tags = new ArrayList<>(4);
        at = skipSpaces();
        if (take(']')) {
            return tags;
        }
        do {
            at = skipSpaces();
            String tag = word();
            if (tag == null) {
                return null;
            }
            tags.add(tag);
            at = skipSpaces();
        } while (take(','));
        return take(']') ? tags : null;
    }

    /** {@code {name: value, ...}}, {@code {}}; false when it is anything else or names an attribute twice. */
    private boolean attributes(Fields fields) {
        if (!take('{')) {
            return false;
        }
        at = skipSpaces();
        if (take('}')) {
            return true;
        }
        do {
            at = skipSpaces();
            String name = word();
            if (name == null || !take(':') || !space()) {
                return false;
            }
            String value = word();
            if (value == null || !fields.attribute(name, value)) {
                return false;
            }
            at = skipSpaces();
        } while (take(','));
        return take('}');
    }

    /** One of {@link Fields#KEYS} as a whole word, without making a string of it, or null (nothing consumed). */
    private String key() {
        for (int i = 0; i < Fields.KEYS.size(); i++) {
            String key = Fields.KEYS.get(i);
            int after = at + key.length();
            if (text.startsWith(key, at) && (after >= end || !isWordPart(text.charAt(after)))) {
                at = after;
                return key;
            }
        }
        return null;
    }

    /** A plain word that YAML reads back as itself, or null (nothing consumed) when none starts here. */
    private String word() {
        int start = at;
        if (start >= end || !isWordStart(text.charAt(start))) {
            return null;
        }
        int position = start + 1;
        while (position < end && isWordPart(text.charAt(position))) {
            position++;
        }
        String word = text.substring(start, position);
        if (word.equals("null") || word.equals("Null") || word.equals("NULL")) {
            return null;
        }
        at = position;
        return word;
    }

    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || c == '.' || c == '-';
    }

    private boolean take(char expected) {
        if (at < end && text.charAt(at) == expected) {
            at++;
            return true;
        }
        return false;
    }

    /** One or more spaces, as YAML needs after {@code -} and after a key's {@code :}. */
    private boolean space() {
        int position = skipSpaces();
        boolean any = position > at;
        at = position;
        return any;
    }
}
