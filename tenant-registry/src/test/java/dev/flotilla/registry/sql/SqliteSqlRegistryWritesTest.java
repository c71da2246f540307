package dev.flotilla.registry.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.registry.RegistryException;
import dev.flotilla.registry.Tenant;
import dev.flotilla.registry.TenantEntry;
import dev.flotilla.registry.TenantState;
import dev.flotilla.registry.sql.ColumnMapping.Field;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registering tenants and recording states in a control table: named statements and a table. */
class SqliteSqlRegistryWritesTest {

    private static final ColumnMapping CUSTOMERS = ColumnMapping.byName().map(Field.ID, "slug").map(Field.SERVER, "shard")
            .map(Field.TAGS, "labels").map(Field.STATE, "status").withDefaultServer("files");

    @TempDir
    Path dir;
    private ConnectionSource control;

    @BeforeEach
    void controlDatabase() throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve("control.db");
        control = () -> DriverManager.getConnection(url);
        execute("CREATE TABLE customers (slug TEXT PRIMARY KEY, shard TEXT, labels TEXT, status TEXT, region TEXT)");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = control.open(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private String region(String slug) throws SQLException {
        try (Connection c = control.open(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT region FROM customers WHERE slug = '" + slug + "'")) {
            return rows.next() ? rows.getString(1) : "(no row)";
        }
    }

    private SqlRegistry customers() {
        return new SqlRegistry("SELECT slug, shard, labels, status FROM customers ORDER BY rowid", CUSTOMERS, control);
    }

    private static Tenant tenant(String id, TenantState state, String... tags) {
        return new Tenant(id, "files", null, null, new LinkedHashSet<>(List.of(tags)), Map.of(), state);
    }

    @Test
    void namedParametersBindInAnyOrderAndLeaveQuotedTextAndCommentsAlone() throws SQLException {
        SqlRegistry registry = customers().withWrites(
                "INSERT INTO customers (status, slug, shard, labels, region) -- :not_a_parameter\n"
                        + "VALUES (:state, :id, :server, :tags, 'at '':id'' /* :x */')",
                "UPDATE customers SET status = :state WHERE slug = :id");
        Tenant hostile = tenant("bobby", TenantState.PROVISIONING, "a", "b");
        registry.register(hostile);
        assertThat(registry.load()).extracting(TenantEntry::tenant).containsExactly(hostile);
        registry.setState("bobby", TenantState.ACTIVE);
        assertThat(registry.load()).extracting(TenantEntry::tenant).containsExactly(hostile.withState(TenantState.ACTIVE));
        assertThat(region("bobby")).isEqualTo("at ':id' /* :x */");
    }

    @Test
    void statementsWithUnknownNamesOrTheWrongNumberOfPlaceholdersAreRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> customers().withWrites("INSERT INTO customers (slug, shard) VALUES (:id, :shema)", null))
                .isInstanceOf(RegistryException.class)
                .hasMessage("the insert statement uses the parameter :shema, which is not one of :id, :server, :database, "
                        + ":schema, :tags, :state; did you mean 'schema'?");
        assertThatThrownBy(() -> customers().withWrites(null, "UPDATE customers SET status = :state WHERE slug = :slug"))
                .hasMessage("the state update statement uses the parameter :slug, which is not one of :state, :id");
        assertThatThrownBy(() -> customers().withWrites("INSERT INTO customers (slug, shard) VALUES (?, ?)", null))
                .hasMessage("the insert statement has 2 '?', but binds by position 6 values (id, server, database, schema, "
                        + "tags, state); give all of them, or use named parameters such as :id, :server, :database, :schema, :tags, :state");
        assertThatThrownBy(() -> customers().withWrites(null, "UPDATE customers SET status = ? WHERE slug = :id"))
                .hasMessage("the state update statement mixes named parameters (:id) and '?'; use names only");
    }

    @Test
    void aTableGetsTheColumnsItHasFromTheMappingAndAttributesByName() throws SQLException {
        SqlRegistry registry = customers().withTable("customers");
        Tenant acme = new Tenant("acme", "files", null, null, new LinkedHashSet<>(List.of("gold", "canary")),
                Map.of("region", "eu"), TenantState.PROVISIONING);
        registry.register(acme);
        registry.setState("acme", TenantState.ACTIVE);
        registry.register(tenant("globex", TenantState.ACTIVE));
        assertThat(registry.load()).extracting(TenantEntry::tenant).containsExactly(
                tenant("acme", TenantState.ACTIVE, "gold", "canary"), tenant("globex", TenantState.ACTIVE));
        assertThat(region("acme")).isEqualTo("eu");
        assertThatThrownBy(() -> registry.setState("nobody", TenantState.ACTIVE))
                .hasMessage("recording tenant 'nobody' as active changed no row: no tenant with that id in the control database");
    }

    @Test
    void aValueTheTableHasNoColumnForIsRefusedRatherThanLost() throws SQLException {
        assertThatThrownBy(() -> customers().withTable("customers").register(new Tenant("acme", "files", null, "s1", null,
                Map.of("tier", "2"), TenantState.PROVISIONING)))
                .hasMessage("tenant 'acme' cannot be written to table customers: it has no column 'schema', 'tier'");
        execute("CREATE TABLE plain (id TEXT, server TEXT)");
        SqlRegistry plain = new SqlRegistry("SELECT * FROM plain", ColumnMapping.byName(), control).withTable("plain");
        assertThatThrownBy(() -> plain.register(tenant("acme", TenantState.PROVISIONING)))
                .hasMessage("tenant 'acme' cannot be written to table plain: it has no column 'state'");
        assertThatThrownBy(() -> plain.setState("acme", TenantState.ACTIVE))
                .hasMessage("table plain has no column 'state' for the tenant's state, so states cannot be recorded;"
                        + " add one, or map state to a column it has");
        plain.register(tenant("acme", TenantState.ACTIVE));
        assertThat(plain.load()).extracting(TenantEntry::tenant).containsExactly(tenant("acme", TenantState.ACTIVE));
    }

    @Test
    void tableAndColumnNamesMustBePlainIdentifiers() {
        assertThatThrownBy(() -> customers().withTable("customers; DROP TABLE customers"))
                .hasMessage("registry table 'customers; DROP TABLE customers' is not a plain table name (letters, digits and '_',"
                        + " optionally schema.table); give insert and update statements instead");
        ColumnMapping quoted = ColumnMapping.byName().map(Field.SCHEMA, "schema name");
        assertThatThrownBy(() -> new SqlRegistry("SELECT * FROM t", quoted, control).withTable("control.tenants"))
                .hasMessage("registry table control.tenants: the column 'schema name' for schema is not a plain column name;"
                        + " give insert and update statements instead");
    }
}
