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

@DatabaseTest(DatabaseKind.MYSQL)
class MariaDbRegistryWritesTest {

    @Test
    void aControlTableWithMappedColumnsTakesNewTenantsAndStates(TestDatabases databases) throws Exception {
        TestDatabase control = databases.createExtra(DatabaseKind.MYSQL);
        try (Connection c = control.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (slug VARCHAR(64) PRIMARY KEY, db VARCHAR(64), plan VARCHAR(16), status VARCHAR(16))");
        }
        SqlRegistry registry = new SqlRegistry("SELECT slug, db, plan, status FROM customers ORDER BY slug",
                ColumnMapping.byName().map(Field.ID, "slug").map(Field.DATABASE, "db").map(Field.STATE, "status")
                        .withDefaultServer("my1"), control::connect).withTable("customers");
        Tenant one = new Tenant("one", "my1", "t_one`; DROP", null, new LinkedHashSet<>(), Map.of("plan", "gold"),
                TenantState.PROVISIONING);
        registry.register(one);
        registry.setState("one", TenantState.ACTIVE);
        assertThat(registry.load()).extracting(TenantEntry::tenant).containsExactly(one.withState(TenantState.ACTIVE));
    }
}
