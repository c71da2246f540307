package dev.flotilla.engine.dialect.postgresql;

import static dev.flotilla.engine.dialect.Queries.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.dialect.Dialect;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DatabaseTest(DatabaseKind.POSTGRESQL)
class PostgresFailuresTest {

    private final Dialect dialect = new PostgresDialect();

    @ParameterizedTest
    @ValueSource(strings = {"40001", "40P01", "55P03", "57P01", "57P02", "57P03", "53300", "53400", "08000", "08006",
            "08P01"})
    void retryableStatesAreTransient(String state) {
        assertThat(dialect.isTransient(new SQLException("x", state))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "42P01", "57014", "25P02", "53100", "42501", "XX000"})
    void otherStatesAreNot(String state) {
        assertThat(dialect.isTransient(new SQLException("x", state))).isFalse();
        assertThat(dialect.isTransient(new SQLException("no state"))).isFalse();
    }

    @Test
    void theWholeChainIsLookedAtAndALoopEnds() {
        BatchUpdateException batch = new BatchUpdateException("batch entry 3 failed", "25P02", 0, new int[0]);
        batch.setNextException(new SQLException("deadlock detected", "40P01"));
        assertThat(dialect.isTransient(batch)).isTrue();

        SQLException wrapped = new SQLException("wrapper", "XX000", new SQLException("serialization", "40001"));
        assertThat(dialect.isTransient(wrapped)).isTrue();

        SQLException a = new SQLException("a", "23505");
        SQLException b = new SQLException("b", "23505");
        a.setNextException(b);
        b.setNextException(a);
        a.initCause(b);
        b.initCause(a);
        assertThat(dialect.isTransient(a)).isFalse();
    }

    @Test
    void jdbcTransientAndRecoverableClassesAreTransient() {
        assertThat(dialect.isTransient(new SQLTransientConnectionException("pool exhausted"))).isTrue();
        assertThat(dialect.isTransient(new SQLRecoverableException("socket closed"))).isTrue();
    }

    @Test
    void aRealDeadlockIsTransient(TestDatabase db) throws Exception {
        try (Connection setup = db.connect()) {
            run(setup, "CREATE TABLE pair (id int PRIMARY KEY, v int)", "INSERT INTO pair VALUES (1, 0), (2, 0)");
        }
        try (Connection first = db.connect(); Connection second = db.connect()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            run(first, "UPDATE pair SET v = 1 WHERE id = 1");
            run(second, "UPDATE pair SET v = 1 WHERE id = 2");
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<SQLException> other = CompletableFuture.supplyAsync(() -> {
                started.countDown();
                return failure(first, "UPDATE pair SET v = 2 WHERE id = 2");
            });
            started.await();
            Thread.sleep(200); // let the first wait on the row before the second closes the cycle
            SQLException mine = failure(second, "UPDATE pair SET v = 2 WHERE id = 1");
            SQLException theirs = other.get(30, TimeUnit.SECONDS);

            SQLException deadlock = mine != null ? mine : theirs;
            assertThat((Throwable) deadlock).isNotNull();
            assertThat(deadlock.getSQLState()).isEqualTo("40P01");
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
