package dev.flotilla.engine.dialect.postgresql;

import dev.flotilla.engine.dialect.Session;
import dev.flotilla.engine.dialect.Sessions;
import dev.flotilla.engine.dialect.Timeouts;
import dev.flotilla.engine.dialect.internal.Durations;
import dev.flotilla.engine.dialect.internal.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Positions a PostgreSQL session on a schema: {@code search_path} is set to that schema alone, so that
 * unqualified names in scripts can only mean the target's objects; {@code lock_timeout} and
 * {@code statement_timeout} come from {@link Timeouts} (zero: no limit).
 *
 * <p>With auto-commit off, entering and closing each first roll back whatever transaction is open and
 * end with a commit. A SET is transactional in PostgreSQL: made inside a transaction that the runner
 * later rolls back (a failed step), the switch to the target's schema would silently be undone; and a
 * failed transaction accepts no statement at all until it is rolled back.
 */
final class PostgresSessions implements Sessions {

    private static final String INVALID_SCHEMA_NAME = "3F000";
    /** Both timeouts are ints of milliseconds. */
    private static final long MAX_MILLIS = Integer.MAX_VALUE;
    /** How often the server checks that a migrating client is still there (PostgreSQL 14 and later). */
    private static final String CLIENT_CHECK = "5s";

    private final PostgresSql sql;

    PostgresSessions(PostgresSql sql) {
        this.sql = sql;
    }

    @Override
    public Session enter(Connection connection, String schema, Timeouts timeouts) throws SQLException {
        boolean manualCommit = !connection.getAutoCommit();
        if (manualCommit) {
            connection.rollback();
        }
        PostgresSession session = new PostgresSession(connection, sql, SessionState.read(connection), schema);
        try {
            if (schema != null) {
                requireSchema(connection, schema);
                Jdbc.firstRow(connection, "SELECT set_config('search_path', ?, false)", sql.quote(schema));
            }
            Jdbc.firstRow(connection, "SELECT set_config('lock_timeout', ?, false), "
                    + "set_config('statement_timeout', ?, false)",
                    millis(timeouts.lockTimeout()), millis(timeouts.statementTimeout()));
            if (connection.getMetaData().getDatabaseMajorVersion() >= 14) {
                // A run killed mid-statement leaves its backend running that statement, holding the step's
                // transaction and the target's lock, until it notices the client is gone; by default only
                // when the statement ends. Polling the socket makes the server give both up within seconds.
                Jdbc.firstRow(connection, "SELECT set_config('client_connection_check_interval', ?, false)",
                        CLIENT_CHECK);
            }
            if (manualCommit) {
                connection.commit();
            }
            return session;
        } catch (SQLException | RuntimeException e) {
            try {
                session.close();
            } catch (SQLException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static void requireSchema(Connection connection, String schema) throws SQLException {
        if (Jdbc.firstRow(connection, "SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?", schema) == null) {
            throw new SQLException("Schema \"" + schema + "\" does not exist in database "
                    + Jdbc.string(connection, "SELECT current_database()")
                    + "; create it first, or correct the target's schema (names are case-sensitive)",
                    INVALID_SCHEMA_NAME);
        }
    }

    private static String millis(Duration duration) {
        return Durations.ceilMillis(duration, MAX_MILLIS) + "ms";
    }
}
