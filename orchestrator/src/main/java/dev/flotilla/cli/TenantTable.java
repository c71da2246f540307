package dev.flotilla.cli;

import dev.flotilla.registry.Layout;
import dev.flotilla.registry.Registry;
import dev.flotilla.registry.Tenant;
import dev.flotilla.registry.template.JdbcUrl;
import dev.flotilla.connect.TenantConnections;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Tenants as {@code flotilla tenants} prints them: a table, JSON or CSV. URLs are always masked. Stateless
 * apart from the registry and working directory it was given.
 */
final class TenantTable {

    private static final List<String> COLUMNS = List.of("id", "server", "state", "location", "tags");

    private final Registry registry;
    private final Path workingDirectory;

    TenantTable(Registry registry, Path workingDirectory) {
        this.registry = registry;
        this.workingDirectory = workingDirectory;
    }

    String list(List<Tenant> tenants, ReportFormat format) {
        List<List<String>> rows = tenants.stream().map(this::row).toList();
        return switch (format) {
            case TABLE -> table(rows);
            case CSV -> csv(rows);
            case JSON -> tenants.stream().map(this::json).collect(Collectors.joining(",\n  ", "[\n  ", "\n]\n"))
                    .replace("[\n  \n]", "[]");
            case PROMETHEUS -> throw notForTenants();
        };
    }

    String show(Tenant tenant, ReportFormat format) {
        return switch (format) {
            case TABLE -> details(tenant).entrySet().stream()
                    .map(e -> String.format("%-10s %s", e.getKey() + ":", e.getValue()))
                    .collect(Collectors.joining("\n", "", "\n"));
            case CSV -> csv(List.of(row(tenant)));
            case JSON -> json(tenant) + "\n";
            case PROMETHEUS -> throw notForTenants();
        };
    }

    private static InputException notForTenants() {
        return new InputException("tenants prints --format table, json or csv; prometheus is for status");
    }

    private Map<String, String> details(Tenant tenant) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("id", tenant.id());
        details.put("server", tenant.server());
        details.put("state", tenant.state().label());
        details.put("schema", tenant.schema() == null ? "-" : tenant.schema());
        details.put("database", tenant.database() == null ? "-" : tenant.database());
        details.put("url", registry.url(tenant).masked());
        details.put("tags", String.join(", ", tenant.tags()));
        details.put("attributes", tenant.attributes().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ")));
        details.put("origin", String.valueOf(registry.origin(tenant.id())));
        return details;
    }

    private List<String> row(Tenant tenant) {
        return List.of(tenant.id(), tenant.server(), tenant.state().label(), location(tenant),
                String.join(";", tenant.tags()));
    }

    /** The schema, the database or the SQLite file (relative to the working directory when inside it). */
    private String location(Tenant tenant) {
        Layout layout = registry.servers().get(tenant.server()).layout();
        if (layout == Layout.SCHEMA_PER_TENANT) {
            return tenant.schema();
        }
        if (layout == Layout.DATABASE_PER_TENANT) {
            return tenant.database();
        }
        JdbcUrl url = registry.url(tenant);
        return TenantConnections.sqliteFile(url)
                .map(file -> file.startsWith(workingDirectory) ? workingDirectory.relativize(file).toString() : file.toString())
                .orElse(url.masked());
    }

    private static String table(List<List<String>> rows) {
        int[] widths = COLUMNS.stream().mapToInt(String::length).toArray();
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        List<List<String>> all = new ArrayList<>();
        all.add(COLUMNS.stream().map(String::toUpperCase).toList());
        all.addAll(rows);
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(i == widths.length - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    private static String csv(List<List<String>> rows) {
        StringBuilder text = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (List<String> row : rows) {
            text.append(row.stream().map(TenantTable::csvField).collect(Collectors.joining(","))).append('\n');
        }
        return text.toString();
    }

    private static String csvField(String value) {
        return value.matches(".*[\",\\r\\n].*") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private String json(Tenant tenant) {
        return "{\"id\": " + quote(tenant.id()) + ", \"server\": " + quote(tenant.server())
                + ", \"state\": " + quote(tenant.state().label()) + ", \"schema\": " + quote(tenant.schema())
                + ", \"database\": " + quote(tenant.database()) + ", \"location\": " + quote(location(tenant))
                + ", \"url\": " + quote(registry.url(tenant).masked())
                + ", \"tags\": " + tenant.tags().stream().map(TenantTable::quote).collect(Collectors.joining(", ", "[", "]"))
                + ", \"attributes\": " + tenant.attributes().entrySet().stream()
                .map(e -> quote(e.getKey()) + ": " + quote(e.getValue())).collect(Collectors.joining(", ", "{", "}"))
                + "}";
    }

    /** A JSON string, or {@code null}. */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder text = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> text.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return text.append('"').toString();
    }
}
