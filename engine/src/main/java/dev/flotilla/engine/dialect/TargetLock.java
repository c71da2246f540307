package dev.flotilla.engine.dialect;

import java.sql.SQLException;

/** A held target lock. Not thread-safe: one per connection, closed on the thread that took it. */
public interface TargetLock extends AutoCloseable {

    /**
     * True when the lock is an open transaction (SQLite's exclusive transaction): the runner then works
     * inside it, a step being a savepoint, and must not commit or roll back the connection itself.
     */
    boolean isTransaction();

    /**
     * Releases the lock; for a transaction lock, commits it. Releasing a lock that the server already
     * dropped (the session ended) is not an error.
     */
    @Override
    void close() throws SQLException;
}
