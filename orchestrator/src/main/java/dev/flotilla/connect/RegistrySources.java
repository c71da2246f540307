package dev.flotilla.connect;

import dev.flotilla.config.ProjectConfig;
import dev.flotilla.config.RegistryConfig;
import dev.flotilla.registry.RegistrySource;
import dev.flotilla.registry.file.FileRegistry;
import dev.flotilla.registry.sql.ColumnMapping;
import dev.flotilla.registry.sql.DiscoveryRegistry;
import dev.flotilla.registry.sql.SqlRegistry;

import java.util.Locale;
import java.util.Map;

/** The registry source a config's {@code registry:} names. Stateless. */
public final class RegistrySources {

    private RegistrySources() {
    }

    /**
     * The source; a SQL query or discovery runs on its server through {@code connections} when the source
     * is loaded, not here. A SQL source is writable ({@code provision --register}, state changes) when the
     * config gives it a {@code table} or {@code insert}/{@code update_state} statements.
     */
    public static RegistrySource open(ProjectConfig config, TenantConnections connections) {
        RegistryConfig registry = config.registry();
        if (registry instanceof RegistryConfig.File file) {
            return FileRegistry.open(file.path());
        }
        if (registry instanceof RegistryConfig.Sql sql) {
            SqlRegistry source = new SqlRegistry(sql.query(), mapping(sql), () -> connections.connectServer(sql.server()));
            if (sql.table() != null) {
                return source.withTable(sql.table());
            }
            boolean writable = sql.insert() != null || sql.updateState() != null;
            return writable ? source.withWrites(sql.insert(), sql.updateState()) : source;
        }
        RegistryConfig.Discover discover = (RegistryConfig.Discover) registry;
        return new DiscoveryRegistry(Servers.spec(config.server(discover.server()).orElseThrow()),
                discover.pattern(), () -> connections.connectServer(discover.server()));
    }

    private static ColumnMapping mapping(RegistryConfig.Sql sql) {
        ColumnMapping mapping = ColumnMapping.byName().withDefaultServer(sql.server());
        for (Map.Entry<String, String> column : sql.columns().entrySet()) {
            mapping = mapping.map(ColumnMapping.Field.valueOf(column.getKey().toUpperCase(Locale.ROOT)), column.getValue());
        }
        return mapping;
    }
}
