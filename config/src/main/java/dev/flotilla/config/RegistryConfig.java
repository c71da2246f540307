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
     * A query on a control database that returns one row per tenant ({@code registry.sql}).
     *
     * @param server  the server the query runs on, one of the config's servers
     * @param query   the query, run as written
     * @param columns tenant field ({@link #FIELDS}) to the result column holding it; a field not listed
     *                is read from the column of its own name. Never null, may be empty
     */
    record Sql(String server, String query, Map<String, String> columns) implements RegistryConfig {

        /** The tenant fields a column mapping may name. */
        public static final List<String> FIELDS = List.of("id", "server", "schema", "database", "tags", "state");

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
