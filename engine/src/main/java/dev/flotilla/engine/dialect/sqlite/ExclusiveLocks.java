package dev.flotilla.engine.dialect.sqlite;

import dev.flotilla.engine.dialect.TargetLock;
import dev.flotilla.engine.dialect.TargetLockedException;
import dev.flotilla.engine.dialect.TargetLocks;
import dev.flotilla.engine.dialect.internal.Durations;
import dev.flotilla.engine.dialect.internal.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The SQLite target lock is an exclusive transaction on the whole file: {@code BEGIN EXCLUSIVE}, waited
 * for up to the busy timeout, which is set to the wait for that one statement and then set back.
 *
 * <p>The connection must be in auto-commit mode, and stays in it: the lock issues a plain
 * {@code BEGIN EXCLUSIVE} statement, which the driver passes through, and the runner works inside that
 * transaction with savepoints ({@link Connection#setSavepoint} works there, as do SAVEPOINT statements).
 * With auto-commit off the xerial driver has already opened a transaction of its own, which SQLite cannot
 * nest, so {@code acquire} refuses such a connection rather than commit or discard its work. SQLite does
 * not say who holds a file, so the lock's message cannot either. A killed process's file locks are
 * released by the operating system.
 */
final class ExclusiveLocks implements TargetLocks {

    private static final long MAX_MILLIS = Integer.MAX_VALUE;

    @Override
    public TargetLock acquire(Connection connection, String schema, String versionTable, Duration wait)
            throws SQLException {
        if (!connection.getAutoCommit()) {
            throw new IllegalStateException("The SQLite target lock is a transaction of its own and needs a "
                    + "connection in auto-commit mode; this one has auto-commit off, so a transaction is already "
                    + "open on it");
        }
        String busyTimeout = Jdbc.string(connection, "PRAGMA busy_timeout");
        Jdbc.execute(connection, "PRAGMA busy_timeout = " + Durations.ceilMillis(wait, MAX_MILLIS));
        try {
            Jdbc.execute(connection, "BEGIN EXCLUSIVE");
        } catch (SQLException e) {
            if (!SqliteFailures.isBusy(e)) {
                throw e;
            }
            throw new TargetLockedException(target(connection, versionTable), wait,
                    "another connection or process is reading or writing the database file; SQLite does not say which");
        } finally {
            Jdbc.execute(connection, "PRAGMA busy_timeout = " + Long.parseLong(busyTimeout));
        }
        return new ExclusiveLock(connection);
    }

    /**
     * Named from the connection's URL, not from {@code pragma_database_list}: reading that needs a shared
     * lock on the file, which the holder of the exclusive lock refuses, so the "locked" message itself
     * failed with SQLITE_BUSY.
     */
    private static String target(Connection connection, String versionTable) throws SQLException {
        String file = connection.getMetaData().getURL().replaceFirst("^jdbc:sqlite:", "").replaceFirst("\\?.*$", "")
                .replaceFirst("^file:", "");
        return versionTable + " in " + (file.isEmpty() || file.equals(":memory:")
                ? "an in-memory or temporary database" : file);
    }
}
