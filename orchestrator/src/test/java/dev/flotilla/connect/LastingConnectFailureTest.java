package dev.flotilla.connect;

import dev.flotilla.config.ConfigLoader;
import dev.flotilla.config.ProjectConfig;
import dev.flotilla.registry.Registry;
import dev.flotilla.registry.Tenant;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A tenant whose database does not exist fails with the server's own error as soon as the server gives
 * it, not with the pool's timeout after the whole connection timeout (five minutes here: a pool that
 * waited it out would fail this test by its exception, after those minutes); the pool then serves the
 * tenants whose database is there.
 */
@DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MYSQL})
class LastingConnectFailureTest {

    private static final PoolSettings PATIENT = new PoolSettings(16, Duration.ofMinutes(5), Duration.ofSeconds(30),
            Duration.ZERO);

    @TempDir
    Path dir;

    @Test
    void aPostgresDatabaseThatDoesNotExistFailsWithTheServersError(TestDatabases databases) throws Exception {
        TestDatabase db = databases.get(DatabaseKind.POSTGRESQL);
        try (Project project = project(db)) {
            assertThatThrownBy(() -> project.connect("absent")).isNotInstanceOf(SQLTransientConnectionException.class)
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("3D000"));
            try (Connection present = project.connect("present")) {
                assertThat(present.isValid(1)).isTrue();
            }
            assertThat(project.connections.activeConnections()).isZero();
        }
    }

    @Test
    void aMariaDbDatabaseThatDoesNotExistFailsWithTheServersError(TestDatabases databases) throws Exception {
        TestDatabase db = databases.get(DatabaseKind.MYSQL);
        try (Project project = project(db)) {
            assertThatThrownBy(() -> project.connect("absent")).isNotInstanceOf(SQLTransientConnectionException.class)
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1049));
            try (Connection present = project.connect("present")) {
                assertThat(present.isValid(1)).isTrue();
            }
            assertThat(project.connections.activeConnections()).isZero();
        }
    }

    /** A database-per-tenant project on {@code db}'s server: tenant present is {@code db}, absent is not there. */
    private Project project(TestDatabase db) throws Exception {
        String template = db.jdbcUrl().replace("/" + db.name(), "/${tenant.database}");
        Files.createDirectories(dir.resolve("migrations/versions"));
        Files.writeString(dir.resolve("flotilla.yaml"), """
                scripts: migrations
                servers:
                  main:
                    url: %s
                    user: %s
                    password: ${env:DB_PASSWORD:-}
                    layout: database-per-tenant
                registry:
                  file: tenants.yaml
                """.formatted(template, db.user()));
        Files.writeString(dir.resolve("tenants.yaml"), "tenants:\n"
                + "  - {id: present, server: main, database: " + db.name() + "}\n"
                + "  - {id: absent, server: main, database: " + db.name() + "_absent}\n");
        ProjectConfig config = ConfigLoader.load(dir.resolve("flotilla.yaml"), Map.of("DB_PASSWORD", db.password()));
        Registry registry = Registry.load(RegistrySources.open(config, null), Servers.specs(config));
        return new Project(registry, new TenantConnections(config, PATIENT));
    }

    private record Project(Registry registry, TenantConnections connections) implements AutoCloseable {

        Connection connect(String id) throws SQLException {
            Tenant tenant = registry.tenant(id);
            return connections.connect(tenant, registry.url(tenant));
        }

        @Override
        public void close() {
            connections.close();
        }
    }
}
