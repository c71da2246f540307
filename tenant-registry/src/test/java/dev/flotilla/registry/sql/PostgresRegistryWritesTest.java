package dev.flotilla.registry.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.registry.Tenant;
import dev.flotilla.registry.TenantEntry;
import dev.flotilla.registry.TenantState;
import dev.flotilla.registry.sql.ColumnMapping.Field;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@DatabaseTest(DatabaseKind.POSTGRESQL)
class PostgresRegistryWritesTest {

    @Test
    void aSchemaQualifiedTableWithATextArrayOfTagsAndNoServerColumn(TestDatabases databases) throws Exception {
        TestDatabase db = databases.createExtra(DatabaseKind.POSTGRESQL);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA control");
            s.execute("CREATE TABLE control.tenants (id text PRIMARY KEY, schema_name text, tags text[], state text NOT NULL)");
        }
        SqlRegistry registry = new SqlRegistry("SELECT id, schema_name, tags, state FROM control.tenants ORDER BY id",
                ColumnMapping.byName().map(Field.SCHEMA, "schema_name").withDefaultServer("pg1"), db::connect)
                .withTable("control.tenants");
        Tenant acme = new Tenant("acme", "pg1", null, "tenant \"acme\"; DROP", new LinkedHashSet<>(List.of("gold", "canary")),
                Map.of(), TenantState.PROVISIONING);
        registry.register(acme);
        assertThat(registry.load()).extracting(TenantEntry::tenant).containsExactly(acme);
        registry.setState("acme", TenantState.ACTIVE);
        assertThat(registry.load()).extracting(TenantEntry::tenant).containsExactly(acme.withState(TenantState.ACTIVE));
    }

    @Test
    void namedStatementsWithACast(TestDatabases databases) throws Exception {
        TestDatabase db = databases.createExtra(DatabaseKind.POSTGRESQL);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (slug text PRIMARY KEY, schema_name text, labels text[], status text)");
        }
        SqlRegistry registry = new SqlRegistry("SELECT slug AS id, schema_name AS schema, labels AS tags, status AS state FROM customers",
                ColumnMapping.byName().withDefaultServer("pg1"), db::connect)
                .withWrites("INSERT INTO customers VALUES (:id, :schema, string_to_array(:tags, ';')::text[], :state)",
                        "UPDATE customers SET status = :state WHERE slug = :id");
        Tenant globex = new Tenant("globex", "pg1", null, "tenant_globex", new LinkedHashSet<>(List.of("beta")), Map.of(),
                TenantState.PROVISIONING);
        registry.register(globex);
        registry.setState("globex", TenantState.SUSPENDED);
        assertThat(registry.load()).extracting(TenantEntry::tenant).containsExactly(globex.withState(TenantState.SUSPENDED));
    }
}
