package dev.flotilla.engine.dialect.sqlite;

import dev.flotilla.engine.dialect.Session;
import dev.flotilla.engine.dialect.internal.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * A SQLite connection in use by a target. Closing it sets back the pragmas of
 * {@link SqliteSessions#PRAGMAS}. Temporary tables and attached databases are not touched.
 *
 * <p>SQLite ignores {@code PRAGMA foreign_keys} inside a transaction, so close it after the target lock
 * (a transaction) is closed; should foreign_keys still differ, close says so rather than leave the
 * connection changed in silence. Not thread-safe; closing twice is harmless.
 */
final class SqliteSession implements Session {

    private final Connection connection;
    private final Map<String, Long> saved;
    private boolean closed;

    SqliteSession(Connection connection, Map<String, Long> saved) {
        this.connection = connection;
        this.saved = Map.copyOf(saved);
    }

    /** A SQLite target is its file: no statement moves the connection's main database to another file. */
    @Override
    public void reposition() {
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        for (String pragma : SqliteSessions.PRAGMAS) {
            Jdbc.execute(connection, "PRAGMA " + pragma + " = " + saved.get(pragma));
        }
        long foreignKeys = Long.parseLong(Jdbc.string(connection, "PRAGMA foreign_keys"));
        if (foreignKeys != saved.get("foreign_keys")) {
            throw new SQLException("PRAGMA foreign_keys could not be set back to " + saved.get("foreign_keys")
                    + " because a transaction is still open on the connection; close the session after the "
                    + "transaction (and the target lock) ends");
        }
    }
}
