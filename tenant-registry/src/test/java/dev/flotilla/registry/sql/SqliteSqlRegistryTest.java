package dev.flotilla.registry.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.registry.Layout;
import dev.flotilla.registry.Registry;
import dev.flotilla.registry.ServerSpec;
import dev.flotilla.registry.Tenant;
import dev.flotilla.registry.TenantEntry;
import dev.flotilla.registry.TenantState;
import dev.flotilla.registry.sql.ColumnMapping.Field;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSqlRegistryTest {

    @TempDir
    Path dir;
    private ConnectionSource control;

    @BeforeEach
    void controlDatabase() throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve("control.db");
        control = () -> DriverManager.getConnection(url);
        try (Connection c = control.open(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (slug TEXT, shard TEXT, labels TEXT, status TEXT, region TEXT)");
            s.execute("INSERT INTO customers VALUES ('acme', 'files', 'gold;canary', 'active', 'eu'), "
                    + "('globex', 'files', NULL, 'suspended', NULL)");
        }
    }

    @Test
    void mappedColumnsBecomeTenantsAndOtherColumnsAttributes() {
        ColumnMapping mapping = ColumnMapping.byName().map(Field.ID, "slug").map(Field.SERVER, "shard")
                .map(Field.TAGS, "labels").map(Field.STATE, "status");
        List<TenantEntry> entries = new SqlRegistry("SELECT * FROM customers ORDER BY slug", mapping, control).load();
        assertThat(entries).extracting(TenantEntry::tenant).containsExactly(
                new Tenant("acme", "files", null, null, new java.util.LinkedHashSet<>(List.of("gold", "canary")),
                        Map.of("region", "eu"), TenantState.ACTIVE),
                new Tenant("globex", "files", null, null, null, Map.of(), TenantState.SUSPENDED));
        assertThat(entries.get(1).origin()).hasToString("registry query:2");
        Registry registry = Registry.load(new SqlRegistry("SELECT * FROM customers", mapping, control),
                List.of(new ServerSpec("files", "jdbc:sqlite:data/${tenant.id}.db", Layout.FILE_PER_TENANT)));
        assertThat(registry.url(registry.tenant("acme")).value()).isEqualTo("jdbc:sqlite:data/acme.db");
    }

    @Test
    void aMissingMappedColumnIsAClearError() {
        ColumnMapping mapping = ColumnMapping.byName().map(Field.ID, "slug").map(Field.SCHEMA, "tenant_schema");
        assertThatThrownBy(() -> new SqlRegistry("SELECT slug, shard AS server FROM customers", mapping, control).load())
                .hasMessage("registry query result has no column 'tenant_schema' (for schema); its columns are slug, server");
        assertThatThrownBy(() -> new SqlRegistry("SELECT slug FROM customers", ColumnMapping.byName(), control).load())
                .hasMessage("registry query result has no column 'id' (for id), 'server' (or give the mapping a default server); "
                        + "its columns are slug");
    }

    @Test
    void aBadRowIsReportedWithItsRowNumberAndSqlErrorsKeepTheSqlState() {
        ColumnMapping mapping = ColumnMapping.byName().map(Field.ID, "slug").withDefaultServer("files");
        assertThatThrownBy(() -> new SqlRegistry("SELECT slug FROM customers UNION ALL SELECT 'x;y' ORDER BY 1", mapping, control).load())
                .hasMessage("Registry registry query has 1 problem:\n  registry query:3: tenant id 'x;y' has ';' (U+003B) at position 2; "
                        + "ids are 1 to 128 characters: ASCII letters, digits, '_', '.', '-', starting with a letter or digit");
        assertThatThrownBy(() -> new SqlRegistry("SELECT nope FROM missing", mapping, control).load())
                .hasMessageStartingWith("registry query failed: [SQLITE_ERROR] SQL error or missing database (no such table: missing)")
                .hasMessageEndingWith("(SQLSTATE null, vendor code 1)");
    }

    @Test
    void registersAndRecordsStatesWithBoundParameters() throws SQLException {
        try (Connection c = control.open(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE tenants (id TEXT PRIMARY KEY, server TEXT, database TEXT, schema TEXT, tags TEXT, state TEXT)");
        }
        SqlRegistry registry = new SqlRegistry("SELECT * FROM tenants ORDER BY rowid", ColumnMapping.byName(), control)
                .withWrites("INSERT INTO tenants VALUES (?, ?, ?, ?, ?, ?)", "UPDATE tenants SET state = ? WHERE id = ?");
        Tenant hostile = new Tenant("bobby", "pg1", null, "x'); DROP TABLE tenants; --", new java.util.LinkedHashSet<>(List.of("a", "b")),
                Map.of(), TenantState.PROVISIONING);
        registry.register(hostile);
        registry.setState("bobby", TenantState.ACTIVE);
        assertThat(registry.load()).extracting(TenantEntry::tenant).containsExactly(hostile.withState(TenantState.ACTIVE));
        assertThatThrownBy(() -> registry.setState("nobody", TenantState.ACTIVE))
                .hasMessage("recording tenant 'nobody' as active changed no row: no tenant with that id in the control database");
        assertThatThrownBy(() -> new SqlRegistry("SELECT * FROM tenants", ColumnMapping.byName(), control).register(hostile))
                .hasMessage("the registry query has no insert statement, so tenants cannot be registered; "
                        + "add one, or register 'bobby' in the control database yourself");
    }
}
