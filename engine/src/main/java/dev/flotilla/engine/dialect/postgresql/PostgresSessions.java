package dev.flotilla.engine.dialect.postgresql;

import dev.flotilla.engine.dialect.Session;
import dev.flotilla.engine.dialect.Sessions;
import dev.flotilla.engine.dialect.Timeouts;
import dev.flotilla.engine.dialect.internal.Durations;
import dev.flotilla.engine.dialect.internal.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Positions a PostgreSQL session on a schema: {@code search_path} is set to that schema alone, so that
 * unqualified names in scripts can only mean the target's objects; {@code lock_timeout} and
 * {@code statement_timeout} come from {@link Timeouts} (zero: no limit).
 *
 * <p>With auto-commit off, entering and closing each first roll back whatever transaction is open;
 * entering ends with a commit, closing commits each restoring statement as it goes. A SET is
 * transactional in PostgreSQL: made inside a transaction that the runner later rolls back (a failed
 * step), the switch to the target's schema would silently be undone; and a failed transaction accepts no
 * statement at all until it is rolled back.
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

    /**
     * One round trip, one statement: the session's state is read in a materialized CTE, which the server
     * computes whole (one aggregate row) before the outer select list positions the session, so the state
     * read is the one from before. One statement rather than two sent together: the driver mixes up the
     * result formats of statements of one execute whose column counts differ when it is told to prepare
     * every statement on the server ({@code prepareThreshold=-1}).
     */
    @Override
    public Session enter(Connection connection, String schema, Timeouts timeouts) throws SQLException {
        boolean manualCommit = !connection.getAutoCommit();
        if (manualCommit) {
            connection.rollback();
        }
        int major = connection.getMetaData().getDatabaseMajorVersion();
        List<Object> parameters = new ArrayList<>();
        List<String> position = position(schema, timeouts, major, parameters);
        // Before PostgreSQL 12 every CTE is materialized, and the word is not known.
        String materialized = major >= 12 ? "MATERIALIZED " : "";
        List<Object> row;
        try {
            row = Jdbc.firstRow(connection, "WITH state AS " + materialized + "(" + SessionState.QUERY + ") "
                    + "SELECT " + String.join(", ", position) + ", state.* FROM state", parameters.toArray());
        } catch (SQLException | RuntimeException e) {
            // One statement: when it fails, nothing was set; only an open transaction is left.
            if (manualCommit) {
                try {
                    connection.rollback();
                } catch (SQLException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
        List<Object> positioned = row.subList(0, position.size());
        List<Object> state = row.subList(position.size(), row.size());
        PostgresSession session = new PostgresSession(connection, sql, SessionState.of(state), schema);
        try {
            if (schema != null && !Boolean.TRUE.equals(positioned.get(0))) {
                throw new SQLException("Schema \"" + schema + "\" does not exist in database "
                        + positioned.get(positioned.size() - 1)
                        + "; create it first, or correct the target's schema (names are case-sensitive)",
                        INVALID_SCHEMA_NAME);
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

    /**
     * The expressions that position the session: whether the schema exists, search_path, both timeouts and
     * the client check, then the database's name; their parameters are added to {@code parameters}. A
     * search_path naming a missing schema is harmless until a statement runs, and none does: the session
     * is closed (and its settings undone) when the schema is missing.
     */
    private List<String> position(String schema, Timeouts timeouts, int major, List<Object> parameters) {
        List<String> expressions = new ArrayList<>();
        if (schema != null) {
            expressions.add("EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?)");
            parameters.add(schema);
            expressions.add("set_config('search_path', ?, false)");
            parameters.add(sql.quote(schema));
        }
        expressions.add("set_config('lock_timeout', ?, false)");
        parameters.add(millis(timeouts.lockTimeout()));
        expressions.add("set_config('statement_timeout', ?, false)");
        parameters.add(millis(timeouts.statementTimeout()));
        if (major >= 14) {
            // A run killed mid-statement leaves its backend running that statement, holding the step's
            // transaction and the target's lock, until it notices the client is gone; by default only
            // when the statement ends. Polling the socket makes the server give both up within seconds.
            expressions.add("set_config('client_connection_check_interval', ?, false)");
            parameters.add(CLIENT_CHECK);
        }
        expressions.add("current_database()");
        return expressions;
    }

    private static String millis(Duration duration) {
        return Durations.ceilMillis(duration, MAX_MILLIS) + "ms";
    }
}
