package dev.flotilla.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where the list of tenants comes from ({@code registry:} in {@code flotilla.yaml}): exactly one of a
 * file, a SQL query on a control database, or discovery of schemas/databases on a server. Immutable;
 * the tenant registry reads it, this module only validates its shape.
 */
public sealed interface RegistryConfig {

    /**
     * A file listing the tenants ({@code registry.file}).
     *
     * @param path the file, resolved against the config's folder; its name ends in {@code .yaml},
     *             {@code .yml}, {@code .json} or {@code .csv}, which says its format. Whether it exists
     *             is checked when the registry reads it
     */
    record File(Path path) implements RegistryConfig {

        /** The file name endings a registry file may have. */
        public static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json", ".csv");

        public File {
            Objects.requireNonNull(path, "path");
            String name = String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT);
            if (EXTENSIONS.stream().noneMatch(name::endsWith)) {
                throw new InvalidValue("file", "expected a file whose name ends in .yaml, .yml, .json or .csv,"
                        + " found '" + path.getFileName() + "'");
            }
        }
    }

    /**
     * A query on a control database that returns one row per tenant ({@code registry.sql}), and how
     * {@code provision --register} and state changes write to it: a {@code table} whose statements are
     * made from the column mapping, or {@code insert} and {@code update_state} statements with named
     * parameters. Without either, tenants cannot be registered through Flotilla.
     *
     * @param server      the server the query runs on, one of the config's servers
     * @param query       the query, run as written; it should return tenants in every state, as the
     *                    registry selects by state itself (a new tenant is registered as provisioning)
     * @param columns     tenant field ({@link #FIELDS}) to the result column holding it; a field not listed
     *                    is read from the column of its own name. Never null, may be empty
     * @param table       the table to write to, {@code name} or {@code schema.name}; with it, mapped columns
     *                    must be plain names too. Null when not given
     * @param insert      an insert with the parameters {@link #INSERT_PARAMETERS} ({@code :id}, ...), or null
     * @param updateState an update with the parameters {@link #UPDATE_PARAMETERS}, or null
     */
    record Sql(String server, String query, Map<String, String> columns, String table, String insert, String updateState)
            implements RegistryConfig {

        /** The tenant fields a column mapping may name. */
        public static final List<String> FIELDS = List.of("id", "server", "schema", "database", "tags", "state");
        /** The named parameters an insert statement may use. */
        public static final List<String> INSERT_PARAMETERS = List.of("id", "server", "database", "schema", "tags", "state");
        /** The named parameters a state update statement may use. */
        public static final List<String> UPDATE_PARAMETERS = List.of("state", "id");

        private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

        public Sql {
            Require.serverName("server", server);
            Require.notBlank("query", query);
            columns = Map.copyOf(Objects.requireNonNull(columns, "columns"));
            columns.forEach((field, column) -> {
                if (!FIELDS.contains(field)) {
                    throw new InvalidValue("columns." + field, "expected one of " + String.join(", ", FIELDS)
                            + ", found '" + field + "'");
                }
                Require.notBlank("columns." + field, column);
            });
            if (table != null) {
                requireTable(table, columns, insert != null ? "insert" : updateState != null ? "update_state" : null);
            }
            if (insert != null) {
                SqlParameters.require("insert", insert, INSERT_PARAMETERS);
            }
            if (updateState != null) {
                SqlParameters.require("update_state", updateState, UPDATE_PARAMETERS);
            }
        }

        /** A registry that Flotilla only reads. */
        public Sql(String server, String query, Map<String, String> columns) {
            this(server, query, columns, null, null, null);
        }

        private static void requireTable(String table, Map<String, String> columns, String statement) {
            if (statement != null) {
                throw new InvalidValue("table", "expected either table or insert and update_state statements, found table"
                        + " and " + statement + "; keep one way of writing");
            }
            int dot = table.indexOf('.');
            boolean plain = dot < 0 ? NAME.matcher(table).matches()
                    : NAME.matcher(table.substring(0, dot)).matches() && NAME.matcher(table.substring(dot + 1)).matches();
            if (!plain) {
                throw new InvalidValue("table", "expected a table name (letters, digits or _, not starting with a digit;"
                        + " optionally schema.table), found '" + table + "'; for other names give insert and update_state");
            }
            columns.forEach((field, column) -> {
                if (!NAME.matcher(column).matches()) {
                    throw new InvalidValue("columns." + field, "expected a plain column name (letters, digits or _) to"
                            + " write to table " + table + ", found '" + column + "'; for other names give insert and"
                            + " update_state instead of table");
                }
            });
        }
    }

    /**
     * Every schema (schema-per-tenant) or database (database-per-tenant) on a server whose name matches a
     * pattern is a tenant ({@code registry.discover}).
     *
     * @param server  the server to look on, one of the config's servers, not a SQLite one
     * @param pattern a SQL {@code LIKE} pattern, e.g. {@code tenant_%}
     */
    record Discover(String server, String pattern) implements RegistryConfig {

        public Discover {
            Require.serverName("server", server);
            Require.notBlank("pattern", pattern);
        }
    }
}
