package dev.flotilla.engine.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The lock that keeps two runs off one target (a schema or database and its version table) at once.
 * PostgreSQL: a session advisory lock on a 64-bit key; MySQL: {@code GET_LOCK} on a name of at most 64
 * characters; SQLite: an exclusive transaction. A lock the server holds for a session ends with the
 * session, so a killed run never leaves a lock behind.
 */
public interface TargetLocks {

    /**
     * Takes the lock of ({@code schema}, {@code versionTable}) in the connection's database, waiting at
     * most {@code wait}; throws {@link TargetLockedException} when another session still holds it then.
     * The returned lock must be closed on the same connection, on every path.
     */
    TargetLock acquire(Connection connection, String schema, String versionTable, Duration wait)
            throws SQLException;
}
