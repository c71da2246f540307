package dev.flotilla.engine.dialect.sqlite;

import dev.flotilla.engine.dialect.Session;
import dev.flotilla.engine.dialect.Sessions;
import dev.flotilla.engine.dialect.Timeouts;
import dev.flotilla.engine.dialect.internal.Durations;
import dev.flotilla.engine.dialect.internal.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SQLite target is a database file, so there is nothing to switch to: the schema must be null or
 * {@code main}. The lock timeout becomes the busy timeout (zero, no limit, becomes the largest one, since
 * a busy timeout of zero would mean not waiting at all); SQLite has no statement time limit.
 */
final class SqliteSessions implements Sessions {

    /** The pragmas a migration script may change that outlive it on the connection. */
    static final List<String> PRAGMAS = List.of(
            "foreign_keys", "busy_timeout", "recursive_triggers", "defer_foreign_keys", "legacy_alter_table");

    private static final long MAX_MILLIS = Integer.MAX_VALUE;

    @Override
    public Session enter(Connection connection, String schema, Timeouts timeouts) throws SQLException {
        if (schema != null && !SqliteCatalog.MAIN.equals(schema)) {
            throw new SQLException("SQLite targets are database files, each with the one schema 'main'; the target "
                    + "names schema '" + schema + "'. Give each tenant its own file, and leave the schema empty",
                    "3F000");
        }
        Map<String, Long> saved = new LinkedHashMap<>();
        for (String pragma : PRAGMAS) {
            saved.put(pragma, Long.parseLong(Jdbc.string(connection, "PRAGMA " + pragma)));
        }
        long busy = timeouts.lockTimeout().isZero() ? MAX_MILLIS : Durations.ceilMillis(timeouts.lockTimeout(), MAX_MILLIS);
        Jdbc.execute(connection, "PRAGMA busy_timeout = " + busy);
        return new SqliteSession(connection, saved);
    }
}
