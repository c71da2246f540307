package dev.flotilla.registry.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.registry.Layout;
import dev.flotilla.registry.Registry;
import dev.flotilla.registry.ServerSpec;
import dev.flotilla.registry.Tenant;
import dev.flotilla.registry.TenantEntry;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@DatabaseTest(DatabaseKind.POSTGRESQL)
class PostgresRegistryTest {

    private static TestDatabase db;

    @BeforeAll
    static void schemas(TestDatabases databases) throws Exception {
        db = databases.createExtra(DatabaseKind.POSTGRESQL);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA tenant_acme");
            s.execute("CREATE SCHEMA tenant_globex");
            s.execute("CREATE SCHEMA \"tenant_bad id\"");
            s.execute("CREATE SCHEMA other");
            s.execute("CREATE TABLE public.tenants (id text, schema_name text, tags text[], active boolean)");
            s.execute("INSERT INTO public.tenants VALUES ('acme', 'tenant_acme', ARRAY['gold','canary'], true), "
                    + "('globex', 'tenant \"globex\"; DROP', NULL, true), ('gone', 'x', NULL, false)");
        }
    }

    private ServerSpec server() {
        return new ServerSpec("pg1", db.jdbcUrl(), Layout.SCHEMA_PER_TENANT);
    }

    @Test
    void aQueryOnTheControlDatabaseWithAnAliasAndATextArray() {
        SqlRegistry source = new SqlRegistry("SELECT id, schema_name AS schema, tags FROM public.tenants WHERE active ORDER BY id",
                ColumnMapping.byName().withDefaultServer("pg1"), db::connect);
        Registry registry = Registry.load(source, List.of(server()));
        assertThat(registry.tenants()).extracting(Tenant::id, Tenant::schema)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("acme", "tenant_acme"),
                        org.assertj.core.groups.Tuple.tuple("globex", "tenant \"globex\"; DROP"));
        assertThat(registry.tenant("acme").tags()).containsExactly("gold", "canary");
    }

    @Test
    void discoveryFindsSchemasAndStripsThePatternsLiteralPrefix() {
        DiscoveryRegistry discovery = new DiscoveryRegistry(server(), "tenant\\_%", db::connect);
        assertThatThrownBy(discovery::load)
                .hasMessage("Registry discovery on server pg1 (tenant\\_%) has 1 problem:\n"
                        + "  discovery on server pg1 (tenant\\_%):2: schema 'tenant_bad id' gives an invalid tenant id 'bad id' has a space "
                        + "(U+0020) at position 4; ids are 1 to 128 characters: ASCII letters, digits, '_', '.', '-', starting with a letter or digit");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA \"tenant_bad id\"");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        List<TenantEntry> found = discovery.load();
        assertThat(found).extracting(e -> e.tenant().id() + "=" + e.tenant().schema() + "@" + e.tenant().server())
                .containsExactly("acme=tenant_acme@pg1", "globex=tenant_globex@pg1");
    }
}
