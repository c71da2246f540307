package dev.flotilla.engine.dialect.mysql;

import dev.flotilla.engine.dialect.TargetLock;
import dev.flotilla.engine.dialect.internal.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One held user-level lock. Closing it twice is harmless. Should close throw, the lock may still be held:
 * close the connection, which ends the session and the lock with it.
 */
final class NamedLock implements TargetLock {

    private final Connection connection;
    private final String name;
    private boolean released;

    NamedLock(Connection connection, String name) {
        this.connection = connection;
        this.name = name;
    }

    @Override
    public boolean isTransaction() {
        return false;
    }

    /**
     * RELEASE_LOCK answers 0 or NULL when this session does not hold the lock; the contract lets that
     * pass, as it does a session the server has ended (its locks went with it).
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
            Jdbc.firstRow(connection, "SELECT RELEASE_LOCK(?)", name);
        } catch (SQLException e) {
            if (!MySqlFailures.sessionGone(e)) {
                throw e;
            }
        }
    }
}
