package dev.flotilla.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistryValidationTest {

    static final List<ServerSpec> SERVERS = List.of(
            new ServerSpec("pg1", "jdbc:postgresql://127.0.0.1:5432/app", Layout.SCHEMA_PER_TENANT),
            new ServerSpec("pgdb", "jdbc:postgresql://127.0.0.1:5432/${tenant.id}", Layout.DATABASE_PER_TENANT),
            new ServerSpec("my1", "jdbc:mysql://127.0.0.1:3306/${tenant.database}", Layout.DATABASE_PER_TENANT),
            new ServerSpec("files", "jdbc:sqlite:data/${tenant.id}.db", Layout.FILE_PER_TENANT));

    private static TenantEntry at(int line, Tenant tenant) {
        return new TenantEntry(tenant, new Origin("tenants.yaml", line));
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsLineAndTenant() {
        List<TenantEntry> entries = List.of(
                at(2, Tenant.of("acme", "pg1", null, "tenant_acme")),
                at(3, Tenant.of("globex", "pg2", null, "tenant_globex")),
                at(4, Tenant.of("initech", "pg1", null, null)),
                at(5, Tenant.of("ACME", "pg1", null, "tenant_acme2")),
                at(6, Tenant.of("hooli", "my1", null, null)),
                at(7, Tenant.of("long", "pg1", null, "x".repeat(64))),
                at(8, Tenant.of("umbrella", "pg1", null, "tenant_acme")));
        assertThatThrownBy(() -> Registry.of("tenants.yaml", entries, SERVERS))
                .isInstanceOf(RegistryValidationException.class)
                .hasMessage("""
                        Registry tenants.yaml has 6 problems:
                          tenants.yaml:3: tenant 'globex': unknown server 'pg2'; known servers: files, my1, pg1, pgdb; did you mean 'pg1', 'pgdb'?
                          tenants.yaml:4: tenant 'initech': names no schema, but server 'pg1' keeps one schema per tenant; add schema, or use ${tenant.id} in the server's URL template to make the id the schema
                          tenants.yaml:5: tenant 'ACME': duplicate id (ids differ only in case): first at tenants.yaml:2 as 'acme', again at tenants.yaml:5
                          tenants.yaml:6: tenant 'hooli': names no database, but server 'my1' keeps one database per tenant; add database, or use ${tenant.id} in the server's URL template to make the id the database
                          tenants.yaml:7: tenant 'long': schema 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' is 64 bytes in UTF-8; PostgreSQL holds at most 63
                          tenants.yaml:8: tenant 'umbrella': lives where tenant 'acme' (tenants.yaml:2) lives: server 'pg1', schema 'tenant_acme'""");
    }

    @Test
    void theDatabaseComesFromTheIdWhenTheTemplateUsesTheId() {
        Registry registry = Registry.of("t", List.of(at(1, Tenant.of("acme", "pgdb", null, null))), SERVERS);
        assertThat(registry.tenant("acme").database()).isEqualTo("acme");
        assertThat(registry.url(registry.tenant("acme")).value()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/acme");
    }

    @Test
    void aTemplateVariableTheTenantLacksIsAnErrorBeforeAnyConnection() {
        ServerSpec regional = new ServerSpec("eu", "jdbc:postgresql://db-${tenant.region}:5432/app", Layout.SCHEMA_PER_TENANT);
        Tenant tenant = new Tenant("acme", "eu", null, "s", Set.of(), Map.of("tier", "gold"), null);
        assertThatThrownBy(() -> Registry.of("t", List.of(at(1, tenant)), List.of(regional)))
                .hasMessage("Registry t has 1 problem:\n  tenants.yaml:1: tenant 'acme': server 'eu' URL template uses ${tenant.region}, "
                        + "which the tenant does not have; valid variables here are ${tenant.id}, ${tenant.schema}, "
                        + "${tenant.tier}, ${server.name}");
    }

    @Test
    void anUnknownTenantIdSuggestsNearOnes() {
        Registry registry = Registry.of("t", List.of(at(1, Tenant.of("acme", "pg1", null, "a")),
                at(2, Tenant.of("acne", "pg1", null, "b"))), SERVERS);
        assertThatThrownBy(() -> registry.tenant("acmee")).hasMessage("no tenant 'acmee' in t; did you mean 'acme', 'acne'?");
        assertThat(registry.origin("acne")).hasToString("tenants.yaml:2");
    }

    @Test
    void sqliteIdsWithDotsCannotLeaveTheDataFolder() {
        assertThatThrownBy(() -> Registry.of("t", List.of(at(1, Tenant.of("a..b", "files", null, null))), SERVERS))
                .hasMessage("Registry t has 1 problem:\n  tenants.yaml:1: tenant 'a..b' on server 'files': ${tenant.id} is 'a..b', "
                        + "which cannot go into a SQLite file path, where '..' could leave the data folder");
    }
}
