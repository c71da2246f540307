package dev.flotilla.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole {@code flotilla.yaml}, validated. Immutable and thread-safe; nothing in it is null. Built by
 * {@link ConfigLoader#load}; the constructor checks what spans several keys (the two tables differ, the
 * registry's server exists and suits it) and throws an {@link IllegalArgumentException} naming the key.
 *
 * @param scripts      the migrations folder, absolute (resolved against the config's folder)
 * @param versionTable the table recording each tenant's current revisions
 * @param historyTable the table recording every step; differs from {@code versionTable}
 * @param servers      the servers by name, in the file's order; at least one
 * @param registry     where the tenants come from
 * @param defaults     run defaults
 */
public record ProjectConfig(Path scripts, String versionTable, String historyTable, Map<String, ServerConfig> servers,
                            RegistryConfig registry, RunDefaults defaults) {

    public static final String DEFAULT_SCRIPTS = "migrations";
    public static final String DEFAULT_VERSION_TABLE = "flotilla_version";
    public static final String DEFAULT_HISTORY_TABLE = "flotilla_history";

    public ProjectConfig {
        Objects.requireNonNull(scripts, "scripts");
        Require.tableName("version_table", versionTable);
        Require.tableName("history_table", historyTable);
        requireDistinctTables(versionTable, historyTable);
        servers = copyOf(servers);
        if (servers.isEmpty()) {
            throw new InvalidValue("servers", "expected at least one server, found none");
        }
        Objects.requireNonNull(registry, "registry");
        requireRegistryServer(registry, servers);
        Objects.requireNonNull(defaults, "defaults");
    }

    /** The server called {@code name}, if the config has one. */
    public Optional<ServerConfig> server(String name) {
        return Optional.ofNullable(servers.get(name));
    }

    private static Map<String, ServerConfig> copyOf(Map<String, ServerConfig> servers) {
        Map<String, ServerConfig> copy = new LinkedHashMap<>();
        Objects.requireNonNull(servers, "servers").forEach((name, server) -> {
            if (!name.equals(server.name())) {
                throw new InvalidValue("servers." + name, "expected the server named '" + name + "', found '"
                        + server.name() + "'");
            }
            copy.put(name, server);
        });
        return Collections.unmodifiableMap(copy);
    }

    static void requireDistinctTables(String versionTable, String historyTable) {
        if (versionTable.equalsIgnoreCase(historyTable)) {
            throw new InvalidValue("history_table", "expected a table other than version_table, found '"
                    + historyTable + "' for both");
        }
    }

    static void requireRegistryServer(RegistryConfig registry, Map<String, ServerConfig> servers) {
        if (registry instanceof RegistryConfig.Sql sql) {
            requireKnown("registry.sql.server", sql.server(), servers);
        } else if (registry instanceof RegistryConfig.Discover discover) {
            ServerConfig server = requireKnown("registry.discover.server", discover.server(), servers);
            if (server.layout() == Layout.FILE_PER_TENANT) {
                throw new InvalidValue("registry.discover.server", "expected a server with schema-per-tenant or"
                        + " database-per-tenant layout, found '" + server.name() + "' (file-per-tenant):"
                        + " there is nothing to discover on it; list its tenants in a registry file");
            }
        }
    }

    private static ServerConfig requireKnown(String key, String name, Map<String, ServerConfig> servers) {
        ServerConfig server = servers.get(name);
        if (server == null) {
            throw new InvalidValue(key, "expected one of the servers (" + String.join(", ", servers.keySet())
                    + "), found '" + name + "'" + Suggestions.didYouMean(name, servers.keySet()));
        }
        return server;
    }
}
