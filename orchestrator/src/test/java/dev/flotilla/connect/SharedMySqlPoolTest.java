package dev.flotilla.connect;

import dev.flotilla.config.ConfigLoader;
import dev.flotilla.config.ProjectConfig;
import dev.flotilla.registry.Registry;
import dev.flotilla.registry.Tenant;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * MySQL/MariaDB database-per-tenant: tenants whose URLs differ only in their database share one pool on
 * the server, and each borrowed connection is on its own tenant's database and in the state a new login
 * has, whatever the tenant before left on it.
 */
@DatabaseTest(DatabaseKind.MYSQL)
class SharedMySqlPoolTest {

    @TempDir
    Path dir;

    private TestDatabase db;

    @AfterEach
    void dropTenantDatabases() throws Exception {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + db.name() + "_a`");
            statement.execute("DROP DATABASE IF EXISTS `" + db.name() + "_b`");
        }
    }

    @Test
    void tenantsOfOneServerShareOnePoolAndEachConnectionIsOnItsTenantsDatabase(TestDatabases databases)
            throws Exception {
        Fleet fleet = fleet(databases, null);
        Registry registry = fleet.registry();
        Tenant a = registry.tenant("a");
        Tenant b = registry.tenant("b");
        try (TenantConnections connections = new TenantConnections(fleet.config(), PoolSettings.DEFAULTS)) {
            connections.limit("my", 1); // one connection: b gets the very connection a left
            try (Connection connection = connections.connect(a, registry.url(a));
                 Statement statement = connection.createStatement()) {
                assertThat(database(connection)).isEqualTo(db.name() + "_a");
                statement.execute("USE `" + db.name() + "`"); // a script that moved the connection
            }
            try (Connection connection = connections.connect(b, registry.url(b))) {
                assertThat(database(connection)).isEqualTo(db.name() + "_b");
            }
            try (Connection connection = connections.connect(a, registry.url(a))) {
                assertThat(database(connection)).isEqualTo(db.name() + "_a");
            }
            assertThat(connections.poolsCreated()).isEqualTo(1);
            assertThat(connections.activeConnections()).isZero();
        }
    }

    @Test
    void whatAScriptSetInTheSessionDoesNotReachTheNextTenantOnTheConnection(TestDatabases databases)
            throws Exception {
        Fleet fleet = fleet(databases, null);
        Registry registry = fleet.registry();
        Tenant a = registry.tenant("a");
        Tenant b = registry.tenant("b");
        try (TenantConnections connections = new TenantConnections(fleet.config(), PoolSettings.DEFAULTS)) {
            connections.limit("my", 1);
            String afterLogin;
            long connectionId;
            try (Connection connection = connections.connect(a, registry.url(a));
                 Statement statement = connection.createStatement()) {
                afterLogin = session(connection) + "|" + connection.getTransactionIsolation();
                connectionId = connectionId(connection);
                statement.execute("SET @tenant = 'a'");
                statement.execute("SET default_storage_engine = MyISAM");
                statement.execute("SET SESSION TRANSACTION ISOLATION LEVEL SERIALIZABLE");
                statement.execute("SET sql_mode = 'ANSI_QUOTES'");
                statement.execute("SET foreign_key_checks = 0");
                statement.execute("SET time_zone = '+05:00'");
                statement.execute("SET NAMES latin1");
                statement.execute("CREATE TEMPORARY TABLE leftover (x int)");
                statement.execute("SELECT GET_LOCK('flotilla_spec_leftover', 0)");
                statement.execute("SET autocommit = 0");
                assertThat(session(connection) + "|" + connection.getTransactionIsolation()).isNotEqualTo(afterLogin);
            }
            try (Connection connection = connections.connect(b, registry.url(b));
                 Statement statement = connection.createStatement()) {
                assertThat(connectionId(connection)).isEqualTo(connectionId);
                assertThat(session(connection) + "|" + connection.getTransactionIsolation()).isEqualTo(afterLogin);
                assertThat(connection.getAutoCommit()).isTrue();
                assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM leftover").close())
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1146));
            }
            assertThat(connections.poolsCreated()).isEqualTo(1);
        }
    }

    @Test
    void aConnectionWhoseRoleAScriptChangedIsReplacedNotHandedToTheNextTenant(TestDatabases databases)
            throws Exception {
        Fleet fleet = fleet(databases, null);
        Registry registry = fleet.registry();
        Tenant a = registry.tenant("a");
        Tenant b = registry.tenant("b");
        String role = db.name() + "_role";
        try (Connection admin = db.connect(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE IF NOT EXISTS `" + role + "`");
            statement.execute("GRANT `" + role + "` TO CURRENT_USER");
        } catch (SQLException e) {
            assumeTrue(false, "the test user cannot create and grant a role on " + db + ": " + e.getMessage());
        }
        try (TenantConnections connections = new TenantConnections(fleet.config(), PoolSettings.DEFAULTS)) {
            connections.limit("my", 1);
            String loginRole;
            long connectionId;
            try (Connection connection = connections.connect(a, registry.url(a));
                 Statement statement = connection.createStatement()) {
                loginRole = role(connection);
                connectionId = connectionId(connection);
                statement.execute("SET ROLE `" + role + "`");
                assertThat(role(connection)).isNotEqualTo(loginRole);
            }
            try (Connection connection = connections.connect(b, registry.url(b))) {
                assertThat(role(connection)).isEqualTo(loginRole);
                assertThat(connectionId(connection)).isNotEqualTo(connectionId);
                assertThat(database(connection)).isEqualTo(db.name() + "_b");
            }
            assertThat(connections.activeConnections()).isZero();
        } finally {
            try (Connection admin = db.connect(); Statement statement = admin.createStatement()) {
                statement.execute("DROP ROLE IF EXISTS `" + role + "`");
            }
        }
    }

    @Test
    void aTenantWhoseScriptMovedTheConnectionGetsItBackOnItsOwnDatabase(TestDatabases databases) throws Exception {
        Fleet fleet = fleet(databases, null);
        Registry registry = fleet.registry();
        Tenant a = registry.tenant("a");
        try (TenantConnections connections = new TenantConnections(fleet.config(), PoolSettings.DEFAULTS)) {
            connections.limit("my", 1);
            try (Connection connection = connections.connect(a, registry.url(a));
                 Statement statement = connection.createStatement()) {
                statement.execute("USE `" + db.name() + "_b`");
            }
            try (Connection connection = connections.connect(a, registry.url(a))) {
                assertThat(database(connection)).isEqualTo(db.name() + "_a");
            }
        }
    }

    @Test
    void aMissingDatabaseFailsTheBorrowWithTheServersErrorAndGivesTheConnectionBack(TestDatabases databases)
            throws Exception {
        Fleet fleet = fleet(databases, null);
        Tenant absent = fleet.registry().tenant("absent");
        try (TenantConnections connections = new TenantConnections(fleet.config(), PoolSettings.DEFAULTS)) {
            assertThatThrownBy(() -> connections.connect(absent, fleet.registry().url(absent)))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1049);
                        assertThat(ConnectFailures.databaseMissing(e)).isTrue();
                    });
            assertThat(connections.activeConnections()).isZero();
        }
    }

    @Test
    void aTemplateThatNamesTheTenantOutsideTheDatabaseKeepsAPoolPerTenant(TestDatabases databases) throws Exception {
        Fleet fleet = fleet(databases, "connectionAttributes=tenant:${tenant.id}");
        Registry registry = fleet.registry();
        Tenant a = registry.tenant("a");
        Tenant b = registry.tenant("b");
        try (TenantConnections connections = new TenantConnections(fleet.config(), PoolSettings.DEFAULTS)) {
            try (Connection first = connections.connect(a, registry.url(a));
                 Connection second = connections.connect(b, registry.url(b))) {
                assertThat(database(first)).isEqualTo(db.name() + "_a");
                assertThat(database(second)).isEqualTo(db.name() + "_b");
            }
            assertThat(connections.poolsCreated()).isEqualTo(2);
        }
    }

    private record Fleet(ProjectConfig config, Registry registry) {
    }

    /**
     * Tenants a and b with databases of their own on {@code db}'s server, absent with none; {@code parameter}
     * (or null) is added to the URL template's query.
     */
    private Fleet fleet(TestDatabases databases, String parameter) throws Exception {
        db = databases.get(DatabaseKind.MYSQL);
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + db.name() + "_a`");
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + db.name() + "_b`");
        }
        String template = db.jdbcUrl().replace("/" + db.name(), "/${tenant.database}");
        if (parameter != null) {
            template += (template.contains("?") ? "&" : "?") + parameter;
        }
        Files.createDirectories(dir.resolve("migrations/versions"));
        Files.writeString(dir.resolve("flotilla.yaml"), """
                scripts: migrations
                servers:
                  my:
                    url: %s
                    user: %s
                    password: ${env:DB_PASSWORD:-}
                registry:
                  file: tenants.yaml
                """.formatted(template, db.user()));
        Files.writeString(dir.resolve("tenants.yaml"), "tenants:\n"
                + "  - {id: a, server: my, database: " + db.name() + "_a}\n"
                + "  - {id: b, server: my, database: " + db.name() + "_b}\n"
                + "  - {id: absent, server: my, database: " + db.name() + "_absent}\n");
        ProjectConfig config = ConfigLoader.load(dir.resolve("flotilla.yaml"), Map.of("DB_PASSWORD", db.password()));
        return new Fleet(config, Registry.load(RegistrySources.open(config, null), Servers.specs(config)));
    }

    /** The session variables a script is likeliest to change, and its user variable, as one text. */
    private static String session(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT CONCAT_WS('|', IFNULL(@tenant, '-'), @@default_storage_engine, @@sql_mode,"
                        + " @@foreign_key_checks, @@time_zone, @@character_set_client, @@autocommit,"
                        + " IFNULL(IS_USED_LOCK('flotilla_spec_leftover'), '-'))")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static long connectionId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT CONNECTION_ID()")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String role(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT CURRENT_ROLE()")) {
            rows.next();
            return String.valueOf(rows.getString(1));
        }
    }

    private static String database(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT DATABASE()")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
