package dev.flotilla;

import dev.flotilla.cli.SampleProject;
import dev.flotilla.registry.Tenant;
import dev.flotilla.registry.TenantState;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static dev.flotilla.cli.SampleProject.R3;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registering and provisioning tenants in the application's own tenants table on PostgreSQL: the
 * config names the table (or gives statements), the new tenant is written as provisioning and becomes
 * active only after its schema is at heads.
 */
@DatabaseTest(DatabaseKind.POSTGRESQL)
class SqlRegistryProvisionTest {

    @TempDir
    Path dir;

    private TestDatabase db;

    @BeforeEach
    void controlTable(TestDatabases databases) throws Exception {
        db = databases.createExtra(DatabaseKind.POSTGRESQL);
        new SampleProject(dir).create();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE public.customers (slug text PRIMARY KEY, schema_name text NOT NULL, status text NOT NULL)");
            s.execute("INSERT INTO public.customers VALUES ('acme', 'tenant_acme', 'active')");
        }
    }

    private Path config(String writes) throws Exception {
        return Files.writeString(dir.resolve("flotilla.yaml"), """
                scripts: migrations
                servers:
                  pg:
                    url: %s
                    user: %s
                    password: ${env:PG_PASSWORD}
                registry:
                  sql:
                    server: pg
                    query: SELECT slug, schema_name, status FROM public.customers ORDER BY slug
                    columns: {id: slug, schema: schema_name, state: status}
                %s""".formatted(db.jdbcUrl(), db.user(), writes));
    }

    private String status(String slug) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT status FROM public.customers WHERE slug = '" + slug + "'")) {
            return rows.next() ? rows.getString(1) : "(no row)";
        }
    }

    private Flotilla open(Path config) {
        return Flotilla.open(config, Map.of("PG_PASSWORD", db.password(), "USER", "tester"));
    }

    @Test
    void aTableNamedInTheConfigTakesTheNewTenantWhichBecomesActiveAfterItsUpgrade() throws Exception {
        Path config = config("    table: public.customers\n");
        try (Flotilla flotilla = open(config)) {
            TenantMigrations hooli = flotilla.register(Tenant.of("hooli", "pg", null, "tenant_hooli"));
            assertThat(status("hooli")).isEqualTo("provisioning");
            assertThat(hooli.provision().after()).containsExactly(R3);
            assertThat(status("hooli")).isEqualTo("active");
            assertThat(flotilla.registry().tenant("hooli").state()).isEqualTo(TenantState.ACTIVE);
            assertThat(flotilla.register(Tenant.of("hooli", "pg", null, "tenant_hooli")).provision().after()).containsExactly(R3);
        }
    }

    @Test
    void statementsInTheConfigDoTheSameAndAFailedUpgradeLeavesTheTenantProvisioning() throws Exception {
        new SampleProject(dir).write("d4e5f6a7b8c9", R3, "bad step", "INSERT INTO nowhere VALUES (1);\n", "");
        Path config = config("""
                    insert: INSERT INTO public.customers (slug, schema_name, status) VALUES (:id, :schema, :state)
                    update_state: UPDATE public.customers SET status = :state WHERE slug = :id
                """);
        try (Flotilla flotilla = open(config)) {
            TenantMigrations hooli = flotilla.register(Tenant.of("hooli", "pg", null, "tenant_hooli"));
            org.assertj.core.api.Assertions.catchThrowable(hooli::provision);
            assertThat(status("hooli")).isEqualTo("provisioning");
        }
    }
}
