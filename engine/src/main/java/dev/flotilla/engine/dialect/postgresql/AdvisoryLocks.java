package dev.flotilla.engine.dialect.postgresql;

import dev.flotilla.engine.dialect.TargetLock;
import dev.flotilla.engine.dialect.TargetLockedException;
import dev.flotilla.engine.dialect.TargetLocks;
import dev.flotilla.engine.dialect.internal.Durations;
import dev.flotilla.engine.dialect.internal.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.List;

/**
 * Session-level advisory locks. A bounded wait is the server's own: {@code lock_timeout} set for the one
 * {@code pg_advisory_lock} call, so the waiter queues fairly and wakes the moment the holder lets go,
 * with no polling. {@code statement_timeout} is lifted for that call too, or a short statement limit
 * would cut the wait short. Both settings are put back before {@code acquire} returns.
 *
 * <p>The lock belongs to the session, not to a transaction: a rollback keeps it, and the end of the
 * session (a killed backend, a dropped connection) frees it. With auto-commit off, the wait runs inside
 * a savepoint, so that a timeout does not abort the caller's transaction.
 */
final class AdvisoryLocks implements TargetLocks {

    private static final String LOCK_NOT_AVAILABLE = "55P03";
    /** lock_timeout is an int of milliseconds. */
    private static final long MAX_TIMEOUT_MILLIS = Integer.MAX_VALUE;

    @Override
    public TargetLock acquire(Connection connection, String schema, String versionTable, Duration wait)
            throws SQLException {
        Tried tried = tryOnce(connection, schema, versionTable);
        if (tried.locked() || (!wait.isZero() && lockWithin(connection, tried.key(), wait))) {
            return new AdvisoryLock(connection, tried.key());
        }
        throw new TargetLockedException(tried.key().target(), wait, HolderQuery.describe(connection, tried.key()));
    }

    /** The key of a target and whether its lock was taken. */
    private record Tried(AdvisoryKey key, boolean locked) {
    }

    /**
     * One round trip when a schema is named: the lock is tried under the key of the database the driver
     * asked for at connect time, in the statement that reads the database the server calls current. The
     * two differ behind a pooler that maps an alias onto a database; the key must be the real database's,
     * so then nothing is tried and the lock is tried again under the key of the database the server named.
     */
    private static Tried tryOnce(Connection connection, String schema, String versionTable) throws SQLException {
        String asked = schema == null ? null : connection.getCatalog();
        if (asked == null) {
            AdvisoryKey key = key(connection, schema, versionTable);
            return new Tried(key, tryLock(connection, key));
        }
        AdvisoryKey guessed = new AdvisoryKey(asked, schema, versionTable);
        List<Object> row = Jdbc.firstRow(connection, "SELECT current_database(), "
                + "CASE WHEN current_database() = ? THEN pg_try_advisory_lock(?) END", asked, guessed.value());
        if (asked.equals(row.get(0))) {
            return new Tried(guessed, Boolean.TRUE.equals(row.get(1)));
        }
        AdvisoryKey real = new AdvisoryKey((String) row.get(0), schema, versionTable);
        return new Tried(real, tryLock(connection, real));
    }

    private static AdvisoryKey key(Connection connection, String schema, String versionTable) throws SQLException {
        List<Object> row = Jdbc.firstRow(connection, "SELECT current_database(), current_schema()");
        String target = schema != null ? schema : (String) row.get(1);
        if (target == null) {
            throw new SQLException("No schema was named and the search_path names no existing schema, so the "
                    + "version table " + versionTable + " has no place; name the target's schema", "3F000");
        }
        return new AdvisoryKey((String) row.get(0), target, versionTable);
    }

    private static boolean tryLock(Connection connection, AdvisoryKey key) throws SQLException {
        return Boolean.TRUE.equals(Jdbc.firstRow(connection, "SELECT pg_try_advisory_lock(?)", key.value()).get(0));
    }

    private static boolean lockWithin(Connection connection, AdvisoryKey key, Duration wait) throws SQLException {
        List<Object> saved = Jdbc.firstRow(connection,
                "SELECT current_setting('lock_timeout'), current_setting('statement_timeout')");
        Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
        boolean locked;
        try {
            setLimits(connection, Durations.ceilMillis(wait, MAX_TIMEOUT_MILLIS) + "ms", "0");
            Jdbc.firstRow(connection, "SELECT pg_advisory_lock(?)", key.value());
            locked = true;
        } catch (SQLException e) {
            if (savepoint != null) {
                connection.rollback(savepoint); // also undoes setLimits, and un-fails the transaction
            }
            if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                try {
                    setLimits(connection, saved.get(0), saved.get(1));
                } catch (SQLException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
            locked = false;
        }
        setLimits(connection, saved.get(0), saved.get(1));
        if (savepoint != null) {
            connection.releaseSavepoint(savepoint);
        }
        return locked;
    }

    private static void setLimits(Connection connection, Object lockTimeout, Object statementTimeout)
            throws SQLException {
        Jdbc.firstRow(connection, "SELECT set_config('lock_timeout', ?, false), "
                + "set_config('statement_timeout', ?, false)", lockTimeout, statementTimeout);
    }
}
