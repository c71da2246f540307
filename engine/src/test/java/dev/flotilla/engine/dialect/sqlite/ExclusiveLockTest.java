package dev.flotilla.engine.dialect.sqlite;

import static dev.flotilla.engine.dialect.Queries.lockedOut;
import static dev.flotilla.engine.dialect.Queries.one;
import static dev.flotilla.engine.dialect.Queries.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.dialect.Queries;
import dev.flotilla.engine.dialect.TargetLock;
import dev.flotilla.engine.dialect.TargetLockedException;
import dev.flotilla.engine.dialect.TargetLocks;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExclusiveLockTest {

    private static final Duration SHORT = Duration.ofMillis(200);
    private static final Duration LONG = Duration.ofSeconds(10);

    private final TargetLocks locks = new SqliteDialect().locks();

    @TempDir
    Path folder;

    @BeforeEach
    void table() throws SQLException {
        try (Connection connection = connect()) {
            run(connection, "CREATE TABLE notes (n int)");
        }
    }

    @Test
    void aSecondConnectionWaitsTheBusyTimeThenIsLockedOut() throws Exception {
        try (Connection holder = connect(); Connection waiter = connect()) {
            run(waiter, "PRAGMA busy_timeout = 4321");
            try (TargetLock held = locks.acquire(holder, null, "alembic_version", LONG)) {
                var timed = Queries.timed(() -> lockedOut(() -> locks.acquire(waiter, null, "alembic_version", SHORT)));

                TargetLockedException locked = timed.value();
                assertThat(locked.target()).isEqualTo("alembic_version in " + folder.resolve("tenant.db"));
                assertThat(locked.getMessage()).contains("another connection or process is reading or writing");
                assertThat(timed.took()).isGreaterThanOrEqualTo(SHORT).isLessThan(LONG);
                assertThat(one(waiter, "PRAGMA busy_timeout")).isEqualTo("4321");
            }
            try (TargetLock second = locks.acquire(waiter, null, "alembic_version", Duration.ZERO)) {
                assertThat(second.isTransaction()).isTrue();
            }
            assertThat(one(waiter, "PRAGMA busy_timeout")).isEqualTo("4321");
        }
    }

    @Test
    void closingCommitsWhatTheRunnerDidInsideWithSavepoints() throws Exception {
        try (Connection connection = connect(); Connection reader = connect()) {
            TargetLock lock = locks.acquire(connection, null, "alembic_version", LONG);
            assertThat(connection.getAutoCommit()).isTrue();
            run(connection, "INSERT INTO notes VALUES (1)");
            Savepoint step = connection.setSavepoint("step_2");
            run(connection, "INSERT INTO notes VALUES (2)");
            connection.rollback(step);
            run(connection, "SAVEPOINT step_3", "INSERT INTO notes VALUES (3)", "RELEASE SAVEPOINT step_3");
            lock.close();
            lock.close();
            assertThat(one(reader, "SELECT group_concat(n) FROM notes")).isEqualTo("1,3");
        }
    }

    @Test
    void closingAfterTheRunnerEndedTheTransactionIsHarmless() throws Exception {
        try (Connection connection = connect()) {
            TargetLock lock = locks.acquire(connection, null, "alembic_version", LONG);
            run(connection, "INSERT INTO notes VALUES (1)", "ROLLBACK");
            lock.close();
            assertThat(one(connection, "SELECT count(*) FROM notes")).isEqualTo("0");
            locks.acquire(connection, null, "alembic_version", Duration.ZERO).close();
        }
    }

    @Test
    void aFailedCommitRollsBackSoTheLockIsGoneEitherWay() throws Exception {
        try (Connection connection = connect(); Connection other = connect()) {
            run(connection, "PRAGMA foreign_keys = ON", "CREATE TABLE parent (id int PRIMARY KEY)",
                    "CREATE TABLE child (p int REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)");
            TargetLock lock = locks.acquire(connection, null, "alembic_version", LONG);
            run(connection, "INSERT INTO child VALUES (7)");
            assertThatThrownBy(lock::close).isInstanceOf(SQLException.class).hasMessageContaining("FOREIGN KEY");
            locks.acquire(other, null, "alembic_version", Duration.ZERO).close();
        }
    }

    @Test
    void aHolderWhoseConnectionClosedLeavesNoLockBehind() throws Exception {
        try (Connection waiter = connect()) {
            Connection holder = connect();
            locks.acquire(holder, null, "alembic_version", LONG);
            holder.close();
            locks.acquire(waiter, null, "alembic_version", Duration.ZERO).close();
        }
    }

    @Test
    void aConnectionWithAutoCommitOffIsRefused() throws Exception {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            assertThatThrownBy(() -> locks.acquire(connection, null, "alembic_version", LONG))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("auto-commit");
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("tenant.db"));
    }
}
