package dev.flotilla.registry.file;

import dev.flotilla.registry.RegistryException;
import dev.flotilla.registry.Tenant;
import dev.flotilla.registry.TenantState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Small edits to a YAML or JSON registry that keep the rest of the text, comments included: a new entry
 * in flow style ({@code - {id: acme, server: pg1}}) after the last one, or one state value replaced.
 * Positions come from {@link YamlTenants.Layout}, in code points, as snakeyaml counts them. Stateless.
 */
final class YamlWriter {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private YamlWriter() {
    }

    static String append(String text, YamlTenants.Layout layout, Tenant tenant, boolean json) {
        String entry = entry(tenant, json);
        if (!layout.present()) {
            if (json) {
                throw new RegistryException("the JSON registry has no \"tenants\" list to add to; start it with {\"tenants\": []}");
            }
            String separator = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
            return text + separator + "tenants:\n  - " + entry + "\n";
        }
        if (layout.flow()) {
            int close = offset(text, layout.listEnd());
            return text.substring(0, close) + (layout.lastEnd() < 0 ? "" : ", ") + entry + text.substring(close);
        }
        if (layout.lastEnd() < 0) {
            int lineEnd = lineEnd(text, offset(text, layout.keyEnd()));
            return text.substring(0, lineEnd) + "\n  - " + entry + text.substring(lineEnd);
        }
        int lineEnd = lineEnd(text, offset(text, layout.lastEnd()));
        String line = " ".repeat(layout.column()) + "- " + entry;
        return lineEnd == text.length()
                ? text + "\n" + line + "\n"
                : text.substring(0, lineEnd + 1) + line + "\n" + text.substring(lineEnd + 1);
    }

    static String setState(String text, YamlTenants.EntryLayout entry, TenantState state, boolean json) {
        String value = scalar(state.label(), json);
        if (entry.stateStart() >= 0) {
            return text.substring(0, offset(text, entry.stateStart())) + value + text.substring(offset(text, entry.stateEnd()));
        }
        if (entry.flow()) {
            int close = offset(text, entry.mappingEnd());
            return text.substring(0, close) + ", " + scalar("state", json) + ": " + value + text.substring(close);
        }
        int lineEnd = lineEnd(text, offset(text, entry.lastEnd()));
        String line = " ".repeat(entry.keyColumn()) + "state: " + value;
        return lineEnd == text.length()
                ? text + "\n" + line + "\n"
                : text.substring(0, lineEnd + 1) + line + "\n" + text.substring(lineEnd + 1);
    }

    /** {@code {id: acme, server: pg1, schema: tenant_acme, tags: [gold]}}; JSON quotes every string. */
    static String entry(Tenant tenant, boolean json) {
        List<String> pairs = new ArrayList<>();
        pair(pairs, "id", tenant.id(), json);
        pair(pairs, "server", tenant.server(), json);
        pair(pairs, "database", tenant.database(), json);
        pair(pairs, "schema", tenant.schema(), json);
        if (!tenant.tags().isEmpty()) {
            pairs.add(scalar("tags", json) + ": [" + String.join(", ", tenant.tags().stream().map(t -> scalar(t, json)).toList()) + "]");
        }
        if (tenant.state() != TenantState.ACTIVE) {
            pair(pairs, "state", tenant.state().label(), json);
        }
        if (!tenant.attributes().isEmpty()) {
            List<String> attributes = new ArrayList<>();
            for (Map.Entry<String, String> attribute : tenant.attributes().entrySet()) {
                attributes.add(scalar(attribute.getKey(), json) + ": " + scalar(attribute.getValue(), json));
            }
            pairs.add(scalar("attributes", json) + ": {" + String.join(", ", attributes) + "}");
        }
        return "{" + String.join(", ", pairs) + "}";
    }

    private static void pair(List<String> pairs, String key, String value, boolean json) {
        if (value != null) {
            pairs.add(scalar(key, json) + ": " + scalar(value, json));
        }
    }

    /** Plain when YAML reads it back as the same string; otherwise double-quoted with escapes. */
    static String scalar(String value, boolean json) {
        if (!json && PLAIN.matcher(value).matches() && !value.equalsIgnoreCase("null")) {
            return value;
        }
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        value.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                quoted.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0x2028 || c == 0x2029 || c == 0xFEFF) {
                quoted.append(String.format("\\u%04X", c));
            } else {
                quoted.appendCodePoint(c);
            }
        });
        return quoted.append('"').toString();
    }

    private static int offset(String text, int codePointIndex) {
        return text.offsetByCodePoints(0, codePointIndex);
    }

    private static int lineEnd(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }
}
