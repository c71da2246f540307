package dev.flotilla.engine.dialect.postgresql;

import dev.flotilla.engine.dialect.TargetLock;
import dev.flotilla.engine.dialect.internal.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One held advisory lock. Closing it twice is harmless. Should close throw, the lock may still be
 * held: close the connection, which ends the session and the lock with it.
 */
final class AdvisoryLock implements TargetLock {

    private static final String IN_FAILED_TRANSACTION = "25P02";

    private final Connection connection;
    private final AdvisoryKey key;
    private boolean released;

    AdvisoryLock(Connection connection, AdvisoryKey key) {
        this.connection = connection;
        this.key = key;
    }

    @Override
    public boolean isTransaction() {
        return false;
    }

    /**
     * Unlocks. A failed transaction refuses every statement, the unlock too; it can only be rolled back,
     * so it is, and the unlock runs again. A healthy open transaction is left alone: the unlock does not
     * depend on it. A session the server already ended took its lock with it.
     */
    @Override
    public void close() throws SQLException {
        if (released) {
            return;
        }
        released = true;
        if (connection.isClosed()) {
            return;
        }
        try {
            unlock();
        } catch (SQLException e) {
            if (PostgresFailures.sessionGone(e)) {
                return;
            }
            if (!IN_FAILED_TRANSACTION.equals(e.getSQLState()) || connection.getAutoCommit()) {
                throw e;
            }
            connection.rollback();
            unlock();
        }
    }

    private void unlock() throws SQLException {
        Jdbc.firstRow(connection, "SELECT pg_advisory_unlock(?)", key.value());
    }
}
