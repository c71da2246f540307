package dev.flotilla.registry.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.registry.Layout;
import dev.flotilla.registry.Registry;
import dev.flotilla.registry.ServerSpec;
import dev.flotilla.registry.Tenant;
import dev.flotilla.registry.sql.ColumnMapping.Field;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

@DatabaseTest(DatabaseKind.MYSQL)
class MariaDbRegistryTest {

    @Test
    void aControlTableAndDiscoveryOfDatabases(TestDatabases databases) throws Exception {
        TestDatabase control = databases.get(DatabaseKind.MYSQL);
        TestDatabase one = databases.createExtra(DatabaseKind.MYSQL);
        TestDatabase two = databases.createExtra(DatabaseKind.MYSQL);
        try (Connection c = control.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (slug VARCHAR(64), db VARCHAR(64), plan VARCHAR(16))");
            s.execute("INSERT INTO customers VALUES ('one', '" + one.name() + "', 'gold'), ('two', '" + two.name() + "', NULL)");
        }
        String server = control.jdbcUrl().substring(0, control.jdbcUrl().lastIndexOf('/') + 1) + "${tenant.database}";
        ServerSpec spec = new ServerSpec("my1", server, Layout.DATABASE_PER_TENANT);
        SqlRegistry source = new SqlRegistry("SELECT slug, db, plan FROM customers ORDER BY slug",
                ColumnMapping.byName().map(Field.ID, "slug").map(Field.DATABASE, "db").withDefaultServer("my1"), control::connect);
        Registry registry = Registry.load(source, List.of(spec));
        assertThat(registry.tenants()).extracting(Tenant::database).containsExactly(one.name(), two.name());
        assertThat(registry.tenant("one").attributes()).containsEntry("plan", "gold");
        assertThat(registry.url(registry.tenant("two")).value()).endsWith("/" + two.name());

        DiscoveryRegistry discovery = new DiscoveryRegistry(spec, "ft\\_%", control::connect);
        assertThat(discovery.load()).extracting(e -> e.tenant().id() + "=" + e.tenant().database())
                .contains(one.name().substring(3) + "=" + one.name(), two.name().substring(3) + "=" + two.name());
    }
}
