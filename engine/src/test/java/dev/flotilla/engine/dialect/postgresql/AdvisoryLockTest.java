package dev.flotilla.engine.dialect.postgresql;

import static dev.flotilla.engine.dialect.Queries.lockedOut;
import static dev.flotilla.engine.dialect.Queries.one;
import static dev.flotilla.engine.dialect.Queries.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.dialect.Queries;
import dev.flotilla.engine.dialect.TargetLock;
import dev.flotilla.engine.dialect.TargetLockedException;
import dev.flotilla.engine.dialect.TargetLocks;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@DatabaseTest(DatabaseKind.POSTGRESQL)
class AdvisoryLockTest {

    private static final Duration SHORT = Duration.ofMillis(500);
    private static final Duration LONG = Duration.ofSeconds(10);

    private final TargetLocks locks = new PostgresDialect().locks();

    @Test
    void aSecondRunWaitsTheBoundedTimeThenLearnsWhoHoldsTheLock(TestDatabase db) throws Exception {
        try (Connection holder = db.connect(); Connection waiter = db.connect()) {
            run(holder, "SET application_name = 'holder-run'");
            try (TargetLock held = locks.acquire(holder, "public", "alembic_version", LONG)) {
                var timed = Queries.timed(() -> lockedOut(() -> locks.acquire(waiter, "public", "alembic_version", SHORT)));

                TargetLockedException locked = timed.value();
                assertThat(locked.waited()).isEqualTo(SHORT);
                assertThat(locked.target()).isEqualTo("public.alembic_version in database " + db.name());
                assertThat(locked.getMessage()).contains("held by pid " + pid(holder) + " (application_name 'holder-run'")
                        .contains("backend started ");
                assertThat(timed.took()).isGreaterThanOrEqualTo(SHORT).isLessThan(LONG);
            }
            try (TargetLock second = locks.acquire(waiter, "public", "alembic_version", Duration.ZERO)) {
                assertThat(advisoryLocksOf(waiter, pid(waiter))).isEqualTo("1");
            }
        }
    }

    @Test
    void aWaiterGetsTheLockAsSoonAsTheHolderLetsGo(TestDatabase db) throws Exception {
        try (Connection holder = db.connect(); Connection waiter = db.connect()) {
            TargetLock held = locks.acquire(holder, null, "alembic_version", LONG);
            CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(300);
                    held.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            var timed = Queries.timed(() -> locks.acquire(waiter, "public", "alembic_version", LONG));
            release.get(10, TimeUnit.SECONDS);
            timed.value().close();
            assertThat(timed.took()).isLessThan(LONG);
        }
    }

    @Test
    void aKilledHolderLeavesNoLockBehind(TestDatabase db) throws Exception {
        try (Connection holder = db.connect(); Connection waiter = db.connect(); Connection admin = db.connect()) {
            TargetLock orphan = locks.acquire(holder, "public", "alembic_version", LONG);
            run(admin, "SELECT pg_terminate_backend(" + pid(holder) + ")");

            var timed = Queries.timed(() -> locks.acquire(waiter, "public", "alembic_version", LONG));
            timed.value().close();
            assertThat(timed.took()).isLessThan(LONG);
            orphan.close(); // its session is gone, and the lock with it: not an error
        }
    }

    @Test
    void closingReleasesTheLockFromTheSessionAndTwiceIsHarmless(TestDatabase db) throws Exception {
        try (Connection connection = db.connect()) {
            TargetLock lock = locks.acquire(connection, "public", "alembic_version", LONG);
            assertThat(advisoryLocksOf(connection, pid(connection))).isEqualTo("1");
            lock.close();
            lock.close();
            assertThat(advisoryLocksOf(connection, pid(connection))).isEqualTo("0");
            assertThat(lock.isTransaction()).isFalse();
        }
    }

    @Test
    void closingInAFailedTransactionRollsItBackAndStillReleases(TestDatabase db) throws Exception {
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            TargetLock lock = locks.acquire(connection, "public", "alembic_version", LONG);
            assertThatThrownBy(() -> run(connection, "SELECT 1 / 0")).isInstanceOf(SQLException.class);
            lock.close();
            assertThat(advisoryLocksOf(connection, pid(connection))).isEqualTo("0");
        }
    }

    @Test
    void aTimedOutWaitInsideATransactionKeepsItUsableAndItsSettings(TestDatabase db) throws Exception {
        try (Connection holder = db.connect(); Connection waiter = db.connect()) {
            run(waiter, "CREATE TABLE IF NOT EXISTS notes (n int)", "SET lock_timeout = '3s'",
                    "SET statement_timeout = '200ms'");
            waiter.setAutoCommit(false);
            run(waiter, "INSERT INTO notes VALUES (1)");
            try (TargetLock held = locks.acquire(holder, "public", "alembic_version", LONG)) {
                // statement_timeout is shorter than the wait: the wait is lifted clear of it
                TargetLockedException locked = lockedOut(() -> locks.acquire(waiter, "public", "alembic_version", SHORT));
                assertThat(locked.waited()).isEqualTo(SHORT);
            }
            waiter.commit();
            assertThat(one(waiter, "SELECT count(*) FROM notes")).isEqualTo("1");
            assertThat(one(waiter, "SHOW lock_timeout")).isEqualTo("3s");
            assertThat(one(waiter, "SHOW statement_timeout")).isEqualTo("200ms");
        }
    }

    @Test
    void differentSchemasAndVersionTablesDoNotContend(TestDatabase db) throws Exception {
        try (Connection first = db.connect(); Connection second = db.connect(); Connection third = db.connect();
             TargetLock a = locks.acquire(first, "tenant_a", "alembic_version", Duration.ZERO);
             TargetLock b = locks.acquire(second, "tenant_b", "alembic_version", Duration.ZERO);
             TargetLock c = locks.acquire(third, "tenant_a", "other_version", Duration.ZERO)) {
            assertThat(lockedOut(() -> locks.acquire(third, "tenant_b", "alembic_version", Duration.ZERO))
                    .target()).isEqualTo("tenant_b.alembic_version in database " + db.name());
        }
    }

    @Test
    void behindAPoolerAliasTheKeyIsTheRealDatabasesSoBothSidesContend(TestDatabase db) throws Exception {
        try (Connection direct = db.connect(); Connection real = db.connect(); Connection reader = db.connect()) {
            Connection aliased = namingItsDatabase(real, "tenants_alias");
            try (TargetLock held = locks.acquire(aliased, "public", "alembic_version", Duration.ZERO)) {
                AdvisoryKey key = new AdvisoryKey(db.name(), "public", "alembic_version");
                assertThat(one(reader, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1"
                        + " AND classid::bigint = " + key.classId() + " AND objid::bigint = " + key.objectId()
                        + " AND pid = " + pid(real))).isEqualTo("1");
                assertThat(lockedOut(() -> locks.acquire(direct, "public", "alembic_version", Duration.ZERO)).target())
                        .isEqualTo("public.alembic_version in database " + db.name());
            }
            try (TargetLock after = locks.acquire(direct, "public", "alembic_version", Duration.ZERO)) {
                assertThat(advisoryLocksOf(reader, pid(real))).isEqualTo("0");
            }
        }
    }

    /** {@code connection} as a pooler's client sees it: the database it asked for is an alias. */
    private static Connection namingItsDatabase(Connection connection, String alias) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getCatalog")) {
                        return alias;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void theKeyIsTheFirstEightBytesOfSha256OverTheNulJoinedNames() {
        AdvisoryKey key = new AdvisoryKey("db", "public", "alembic_version");
        // printf 'db\0public\0alembic_version' | sha256sum: the first 16 hex digits
        assertThat(key.value()).isEqualTo(0x0b17abe38b66a20eL);
        assertThat(key.classId() << 32 | key.objectId()).isEqualTo(key.value());
        assertThat(new AdvisoryKey("db", "public", "alembic_version").value()).isEqualTo(key.value());
        assertThat(new AdvisoryKey("db", "publi", "calembic_version").value()).isNotEqualTo(key.value());
    }

    private static String pid(Connection connection) throws SQLException {
        return one(connection, "SELECT pg_backend_pid()");
    }

    private static String advisoryLocksOf(Connection reader, String pid) throws SQLException {
        return one(reader, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = " + pid);
    }
}
