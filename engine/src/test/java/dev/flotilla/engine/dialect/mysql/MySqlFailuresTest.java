package dev.flotilla.engine.dialect.mysql;

import static dev.flotilla.engine.dialect.Queries.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.dialect.Dialect;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DatabaseTest(DatabaseKind.MYSQL)
class MySqlFailuresTest {

    private final Dialect dialect = new MySqlDialect();

    @ParameterizedTest
    @ValueSource(ints = {1205, 1213, 1040, 1158, 1159, 1160, 1161, 1927, 2002, 2003, 2006, 2013})
    void retryableVendorCodesAreTransient(int code) {
        assertThat(dialect.isTransient(new SQLException("x", "HY000", code))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1062, 1146, 1064, 1049, 1317, 3024, 1969})
    void otherCodesAreNot(int code) {
        assertThat(dialect.isTransient(new SQLException("x", "HY000", code))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {1205, 1213, 1064, 1050, 1007, 1304, 1359, 1146, 1049, 1008, 1054, 1060, 1061, 1091, 1044,
            1142, 1227})
    void aDdlStatementRefusedForALockOrOnItsChecksChangedNothing(int code) {
        assertThat(dialect.changedNothing(new SQLException("x", "HY000", code), "CREATE TABLE account (id INT)"))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1051, 1062, 1005, 1215, 1452, 1317, 2013, 1969, 0})
    void failuresThatMayFollowAChangeDidNotSurelyChangeNothing(int code) {
        assertThat(dialect.changedNothing(new SQLException("x", "HY000", code), "ALTER TABLE account ADD x INT"))
                .isFalse();
    }

    @Test
    void aDmlStatementChangedNothingOnlyWhenItWasRefusedALock() {
        // an insert may fire a trigger that writes a non-transactional table before a check fails
        assertThat(dialect.changedNothing(new SQLException("x", "42S22", 1054), "INSERT INTO a (b) VALUES (1)")).isFalse();
        assertThat(dialect.changedNothing(new SQLException("x", "HY000", 1205), "UPDATE a SET b = 1")).isTrue();
    }

    @Test
    void aStatementThatRunsOthersMayHaveChangedSomethingWhateverItsCode() {
        assertThat(dialect.changedNothing(new SQLException("x", "HY000", 1205), "CALL migrate_accounts()")).isFalse();
        assertThat(dialect.changedNothing(new SQLException("x", "42S02", 1146), "call migrate_accounts()")).isFalse();
        assertThat(dialect.changedNothing(new SQLException("x", "HY000", 1213), "EXECUTE stmt")).isFalse();
    }

    @Test
    void theVerbIsTakenPastCommentsButNotFromAnExecutableComment() {
        String created = "-- the account table\n/* v2 */ # again\n  create table account (id INT)";
        assertThat(dialect.changedNothing(new SQLException("x", "42S01", 1050), created)).isTrue();
        String executable = "/*!50001 CREATE TABLE account (id INT) */";
        assertThat(dialect.changedNothing(new SQLException("x", "42S01", 1050), executable)).isFalse();
        assertThat(dialect.changedNothing(new SQLException("x", "HY000", 1205), executable)).isTrue();
    }

    @Test
    void connectionStatesAndSerializationFailureAreTransient() {
        assertThat(dialect.isTransient(new SQLException("x", "08S01", 0))).isTrue();
        assertThat(dialect.isTransient(new SQLException("x", "40001", 0))).isTrue();
        assertThat(dialect.isTransient(new SQLException("x", "42S02", 1146))).isFalse();
    }

    @Test
    void aStatementOverItsTimeLimitIsNotTransientWhateverTheExceptionClass() {
        // Connector/J throws a SQLTimeoutException (a transient class) for 3024
        assertThat(dialect.isTransient(new SQLTimeoutException("max_execution_time exceeded", "HY000", 3024))).isFalse();
        assertThat(dialect.isTransient(new SQLTimeoutException("query timeout", "HY000", 0))).isTrue();
        assertThat(dialect.isTransient(new SQLTransactionRollbackException("deadlock", "40001", 1213))).isTrue();
    }

    @Test
    void theChainIsLookedAt() {
        SQLException outer = new SQLException("batch failed", "HY000", 0);
        outer.setNextException(new SQLException("Deadlock found", "40001", 1213));
        assertThat(dialect.isTransient(outer)).isTrue();
        assertThat(dialect.isTransient(new SQLException("wrapped", "HY000", 0,
                new SQLException("gone away", "HY000", 2006)))).isTrue();
    }

    @Test
    void aRealDeadlockIsTransient(TestDatabase db) throws Exception {
        try (Connection setup = db.connect()) {
            run(setup, "CREATE TABLE pair (id int PRIMARY KEY, v int) ENGINE=InnoDB", "INSERT INTO pair VALUES (1, 0), (2, 0)");
        }
        try (Connection first = db.connect(); Connection second = db.connect()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            run(first, "UPDATE pair SET v = 1 WHERE id = 1");
            run(second, "UPDATE pair SET v = 1 WHERE id = 2");
            CompletableFuture<SQLException> other = CompletableFuture.supplyAsync(
                    () -> failure(first, "UPDATE pair SET v = 2 WHERE id = 2"));
            Thread.sleep(300); // let the first wait on the row before the second closes the cycle
            SQLException mine = failure(second, "UPDATE pair SET v = 2 WHERE id = 1");
            if (mine != null) {
                second.rollback();
            }
            SQLException theirs = other.get(30, TimeUnit.SECONDS);

            SQLException deadlock = mine != null ? mine : theirs;
            assertThat((Throwable) deadlock).isNotNull();
            assertThat(deadlock.getErrorCode()).isEqualTo(1213);
            assertThat(dialect.isTransient(deadlock)).isTrue();
            first.rollback();
            second.rollback();
        }
    }

    private static SQLException failure(Connection connection, String sql) {
        try {
            run(connection, sql);
            return null;
        } catch (SQLException e) {
            return e;
        }
    }
}
