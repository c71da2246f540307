package dev.flotilla.engine.dialect.mysql;

import dev.flotilla.engine.sql.SqlStatement;

import static dev.flotilla.engine.dialect.Queries.one;
import static dev.flotilla.engine.dialect.Queries.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.dialect.Dialect;
import dev.flotilla.engine.dialect.Queries;
import dev.flotilla.engine.dialect.Session;
import dev.flotilla.engine.dialect.Timeouts;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@DatabaseTest(DatabaseKind.MYSQL)
class MySqlSessionTest {

    private static final String VARIABLES = "SELECT CONCAT_WS('|', DATABASE(), @@lock_wait_timeout, "
            + "@@innodb_lock_wait_timeout, @@sql_mode, @@time_zone, @@foreign_key_checks, @@unique_checks, "
            + "@@character_set_client, @@character_set_connection, IFNULL(@@character_set_results, 'NULL'), "
            + "@@collation_connection, @@max_statement_time)";

    private final Dialect dialect = new MySqlDialect();
    private TestDatabase db;
    private TestDatabase tenant;

    @BeforeEach
    void databases(TestDatabases databases) throws SQLException {
        db = databases.get(DatabaseKind.MYSQL);
        tenant = databases.createExtra(DatabaseKind.MYSQL);
        try (Connection connection = tenant.connect()) {
            Assumptions.mariaDb(connection);
        }
    }

    @Test
    void enteringSelectsTheDatabaseAndAppliesTimeoutsRoundedUp() throws Exception {
        try (Connection connection = db.connect();
             Session session = dialect.sessions().enter(connection, tenant.name(),
                     new Timeouts(Duration.ofMillis(1500), Duration.ofMillis(2250)))) {
            assertThat(one(connection, "SELECT CONCAT_WS('|', DATABASE(), @@lock_wait_timeout, "
                    + "@@innodb_lock_wait_timeout, @@max_statement_time)"))
                    .isEqualTo(tenant.name() + "|2|2|2.250000");
        }
        try (Connection connection = db.connect();
             Session session = dialect.sessions().enter(connection, null, new Timeouts(Duration.ofMillis(1), Duration.ZERO))) {
            assertThat(one(connection, "SELECT CONCAT_WS('|', DATABASE(), @@lock_wait_timeout, "
                    + "@@innodb_lock_wait_timeout, @@max_statement_time)"))
                    .isEqualTo(db.name() + "|1|1|0.000000");
        }
        try (Connection connection = db.connect();
             Session session = dialect.sessions().enter(connection, null, new Timeouts(Duration.ZERO, Duration.ZERO))) {
            assertThat(one(connection, "SELECT CONCAT_WS('|', @@lock_wait_timeout, @@innodb_lock_wait_timeout)"))
                    .as("no limit: the largest each accepts").isEqualTo("31536000|100000000");
        }
    }

    @Test
    void onlyAStatementWithTheWordUseCanHaveMovedTheSession() throws Exception {
        try (Connection connection = tenant.connect();
             Session session = dialect.sessions().enter(connection, tenant.name(), new Timeouts(Duration.ZERO, Duration.ZERO))) {
            assertThat(session.movedBy(List.of(new SqlStatement("CREATE TABLE user_uses (id INT)", 1),
                    new SqlStatement("INSERT INTO users VALUES (1)", 2)))).isFalse();
            assertThat(session.movedBy(List.of(new SqlStatement("CREATE TABLE a (id INT)", 1),
                    new SqlStatement("use`other`", 2)))).isTrue();
            assertThat(session.movedBy(List.of(new SqlStatement("USE\nother", 1)))).isTrue();
            assertThat(session.movedBy(List.of(new SqlStatement("/*!50700USE other*/", 1)))).isTrue();
            assertThat(session.movedBy(List.of(new SqlStatement("EXECUTE IMMEDIATE CONCAT('U', 'SE x')", 1)))).isTrue();
            assertThat(session.movedBy(List.of())).isFalse();
        }
    }

    @Test
    void closingUndoesWhatAScriptSet() throws Exception {
        try (Connection connection = db.connect()) {
            run(connection, "SET SESSION sql_mode = 'STRICT_ALL_TABLES', time_zone = '+02:00', max_statement_time = 7");
            String before = one(connection, VARIABLES);

            Session session = dialect.sessions().enter(connection, tenant.name(), Timeouts.DEFAULTS);
            run(connection, "SET foreign_key_checks = 0", "SET unique_checks = 0", "SET sql_mode = ''",
                    "SET time_zone = '+05:00'", "SET NAMES latin1", "SET character_set_results = NULL",
                    "SET lock_wait_timeout = 99", "SET innodb_lock_wait_timeout = 98", "SET max_statement_time = 0",
                    "USE " + dialect.sql().quote(db.name()));
            assertThat(one(connection, VARIABLES)).isNotEqualTo(before);
            session.close();
            session.close();

            assertThat(one(connection, VARIABLES)).isEqualTo(before)
                    .startsWith(db.name() + "|").contains("|STRICT_ALL_TABLES|+02:00|ON|ON|utf8mb4|");
        }
    }

    @Test
    void theOriginalDatabaseIsSelectedAgain() throws Exception {
        try (Connection connection = db.connect()) {
            try (Session session = dialect.sessions().enter(connection, tenant.name(), Timeouts.DEFAULTS)) {
                assertThat(one(connection, "SELECT DATABASE()")).isEqualTo(tenant.name());
            }
            assertThat(one(connection, "SELECT DATABASE()")).isEqualTo(db.name());
        }
    }

    /**
     * A database-per-tenant connection is made on its tenant's database already: entering
     * and closing then change no database, and entering MariaDB asks nothing the handshake said.
     */
    @Test
    void onItsOwnDatabaseASessionEntersAndClosesWithoutChangingDatabaseOrAskingTheVersion() throws Exception {
        try (Connection connection = tenant.connect()) {
            long changes = status(connection, "Com_change_db");
            long selects = status(connection, "Com_select");
            try (Session session = dialect.sessions().enter(connection, tenant.name(), Timeouts.DEFAULTS)) {
                assertThat(status(connection, "Com_select") - selects)
                        .as("the state read and this count's own SELECT; no SELECT @@version").isEqualTo(2);
            }
            assertThat(one(connection, "SELECT DATABASE()")).isEqualTo(tenant.name());
            assertThat(status(connection, "Com_change_db") - changes).isZero();
        }
    }

    private static long status(Connection connection, String name) throws SQLException {
        return Long.parseLong(one(connection, "SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS "
                + "WHERE VARIABLE_NAME = '" + name.toUpperCase(java.util.Locale.ROOT) + "'"));
    }

    @Test
    void anUnknownDatabaseIsNamedAndTheConnectionLeftAsItWas() throws Exception {
        try (Connection connection = db.connect()) {
            String before = one(connection, VARIABLES);
            assertThatThrownBy(() -> dialect.sessions().enter(connection, "no_such_tenant", new Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(4))))
                    .isInstanceOf(SQLException.class)
                    .hasMessage("Database `no_such_tenant` does not exist on this server; create it first, or correct "
                            + "the target's database (names are case-sensitive on most servers)")
                    .extracting(e -> ((SQLException) e).getErrorCode()).isEqualTo(1049);
            assertThat(one(connection, VARIABLES)).isEqualTo(before);
        }
    }

    @Test
    void theLockTimeoutBitesADdlStatementQueuedBehindAnotherTransaction() throws Exception {
        try (Connection blocker = tenant.connect(); Connection connection = db.connect()) {
            run(blocker, "CREATE TABLE x (a int)");
            blocker.setAutoCommit(false);
            run(blocker, "SELECT * FROM x"); // holds x's metadata lock until the transaction ends
            try (Session session = dialect.sessions().enter(connection, tenant.name(),
                    new Timeouts(Duration.ofMillis(300), Duration.ZERO))) {
                var timed = Queries.timed(() -> {
                    try {
                        run(connection, "ALTER TABLE x ADD COLUMN b int");
                        return null;
                    } catch (SQLException e) {
                        return e;
                    }
                });
                assertThat((Throwable) timed.value()).isNotNull();
                assertThat(timed.value().getErrorCode()).isEqualTo(1205);
                assertThat(dialect.isTransient(timed.value())).isTrue();
                assertThat(timed.took()).isLessThan(Duration.ofSeconds(10));
            }
            blocker.rollback();
        }
    }
}
