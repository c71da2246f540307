package dev.flotilla.engine.dialect.sqlite;

import dev.flotilla.engine.dialect.TargetLock;
import dev.flotilla.engine.dialect.internal.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A held exclusive transaction. Closing commits it; closing twice is harmless. Should the commit fail
 * (a deferred foreign key still violated), the transaction is rolled back, so that the lock is gone
 * either way, and the commit's failure is thrown.
 */
final class ExclusiveLock implements TargetLock {

    /** SQLITE_ERROR, with this text, is SQLite's answer to COMMIT outside a transaction. */
    private static final String NO_TRANSACTION = "no transaction is active";

    private final Connection connection;
    private boolean released;

    ExclusiveLock(Connection connection) {
        this.connection = connection;
    }

    @Override
    public boolean isTransaction() {
        return true;
    }

    /** The runner may have ended the transaction itself (a ROLLBACK after a failure): then there is nothing to do. */
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
            Jdbc.execute(connection, "COMMIT");
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains(NO_TRANSACTION)) {
                return;
            }
            try {
                Jdbc.execute(connection, "ROLLBACK");
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }
}
