package dev.flotilla.engine.dialect.mysql;

import static dev.flotilla.engine.dialect.Queries.lockedOut;
import static dev.flotilla.engine.dialect.Queries.one;
import static dev.flotilla.engine.dialect.Queries.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.dialect.Queries;
import dev.flotilla.engine.dialect.TargetLock;
import dev.flotilla.engine.dialect.TargetLockedException;
import dev.flotilla.engine.dialect.TargetLocks;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@DatabaseTest(DatabaseKind.MYSQL)
class NamedLockTest {

    /** GET_LOCK counts whole seconds: this becomes one. */
    private static final Duration SHORT = Duration.ofMillis(200);
    private static final Duration LONG = Duration.ofSeconds(10);

    private final TargetLocks locks = new MySqlDialect().locks();

    @Test
    void aSecondRunWaitsTheBoundedTimeThenLearnsWhichConnectionHoldsTheLock(TestDatabase db) throws Exception {
        try (Connection holder = db.connect(); Connection waiter = db.connect()) {
            try (TargetLock held = locks.acquire(holder, null, "alembic_version", LONG)) {
                var timed = Queries.timed(() -> lockedOut(() -> locks.acquire(waiter, db.name(), "alembic_version", SHORT)));

                TargetLockedException locked = timed.value();
                assertThat(locked.target()).isEqualTo(db.name() + ".alembic_version");
                assertThat(locked.waited()).isEqualTo(SHORT);
                assertThat(locked.getMessage()).contains("lock flotilla:" + db.name() + ".alembic_version held by "
                        + "connection id " + id(holder) + " (user " + db.user() + ", host ");
                assertThat(timed.took()).as("rounded up to a second").isGreaterThanOrEqualTo(Duration.ofSeconds(1))
                        .isLessThan(LONG);
            }
            try (TargetLock second = locks.acquire(waiter, db.name(), "alembic_version", Duration.ZERO)) {
                assertThat(one(waiter, "SELECT IS_USED_LOCK('flotilla:" + db.name() + ".alembic_version')"))
                        .isEqualTo(id(waiter));
            }
        }
    }

    @Test
    void aKilledHolderLeavesNoLockBehind(TestDatabase db) throws Exception {
        try (Connection holder = db.connect(); Connection waiter = db.connect(); Connection admin = db.connect()) {
            TargetLock orphan = locks.acquire(holder, db.name(), "alembic_version", LONG);
            run(admin, "KILL " + id(holder));

            var timed = Queries.timed(() -> locks.acquire(waiter, db.name(), "alembic_version", LONG));
            timed.value().close();
            assertThat(timed.took()).isLessThan(LONG);
            orphan.close(); // its session is gone, and the lock with it: not an error
        }
    }

    @Test
    void closingReleasesTheLockAndTwiceIsHarmlessEvenInAnOpenTransaction(TestDatabase db) throws Exception {
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            TargetLock lock = locks.acquire(connection, db.name(), "alembic_version", LONG);
            assertThat(lock.isTransaction()).isFalse();
            connection.rollback(); // a user lock outlives transactions
            assertThat(one(connection, "SELECT IS_USED_LOCK('flotilla:" + db.name() + ".alembic_version')"))
                    .isEqualTo(id(connection));
            lock.close();
            lock.close();
            assertThat(one(connection, "SELECT IS_USED_LOCK('flotilla:" + db.name() + ".alembic_version')")).isNull();
        }
    }

    @Test
    void differentDatabasesAndTablesDoNotContend(TestDatabases databases) throws Exception {
        TestDatabase db = databases.get(DatabaseKind.MYSQL);
        TestDatabase other = databases.createExtra(DatabaseKind.MYSQL);
        try (Connection first = db.connect(); Connection second = db.connect(); Connection third = other.connect();
             TargetLock a = locks.acquire(first, null, "alembic_version", Duration.ZERO);
             TargetLock b = locks.acquire(second, other.name(), "alembic_version", Duration.ZERO);
             TargetLock c = locks.acquire(third, db.name(), "other_version", Duration.ZERO)) {
            // third's current database is `other`, but it names db: the lock is db's
            assertThat(lockedOut(() -> locks.acquire(third, db.name(), "alembic_version", Duration.ZERO)).target())
                    .isEqualTo(db.name() + ".alembic_version");
        }
    }

    @Test
    void aLongTargetNameLocksUnderItsHash(TestDatabase db) throws Exception {
        String table = "v".repeat(64);
        String name = LockName.of(db.name(), table);
        try (Connection holder = db.connect(); Connection waiter = db.connect();
             TargetLock held = locks.acquire(holder, null, table, LONG)) {
            assertThat(name).hasSize(64);
            assertThat(one(waiter, "SELECT IS_USED_LOCK('" + name + "')")).isEqualTo(id(holder));
            lockedOut(() -> locks.acquire(waiter, db.name(), table, Duration.ZERO));
        }
    }

    @Test
    void theSessionsStatementTimeLimitDoesNotCutTheWaitShort(TestDatabase db) throws Exception {
        try (Connection holder = db.connect(); Connection waiter = db.connect()) {
            Assumptions.mariaDb(waiter);
            run(waiter, "SET SESSION max_statement_time = 0.3");
            try (TargetLock held = locks.acquire(holder, null, "alembic_version", LONG)) {
                assertThat(lockedOut(() -> locks.acquire(waiter, null, "alembic_version", SHORT)).waited())
                        .isEqualTo(SHORT);
            }
        }
    }

    private static String id(Connection connection) throws SQLException {
        return one(connection, "SELECT CONNECTION_ID()");
    }
}
