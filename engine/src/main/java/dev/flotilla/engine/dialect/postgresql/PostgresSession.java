package dev.flotilla.engine.dialect.postgresql;

import dev.flotilla.engine.dialect.Session;
import dev.flotilla.engine.dialect.internal.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A PostgreSQL session positioned on a target. Closing it runs RESET ALL, which undoes every setting a
 * script SET (search_path, timeouts, custom settings) back to the server's and the connection's start-up
 * values, then sets again what had been SET before the session began, and restores session authorization
 * and role, which RESET ALL leaves alone. Temporary tables a script created are dropped (DISCARD TEMP)
 * when the connection had none before, since a temporary table shadows the next target's table of the
 * same name; when it had some, all are left. Prepared statements, cursors, LISTEN registrations and
 * advisory locks are not touched. Not thread-safe; closing twice is harmless.
 */
final class PostgresSession implements Session {

    private final Connection connection;
    private final PostgresSql sql;
    private final SessionState saved;
    private boolean closed;

    PostgresSession(Connection connection, PostgresSql sql, SessionState saved) {
        this.connection = connection;
        this.sql = sql;
        this.saved = saved;
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        boolean manualCommit = !connection.getAutoCommit();
        if (manualCommit) {
            connection.rollback();
        }
        Jdbc.execute(connection, "RESET ALL");
        restoreIdentity();
        for (String[] setting : saved.sessionSettings()) {
            Jdbc.firstRow(connection, "SELECT set_config(?, ?, false)", setting[0], setting[1]);
        }
        // Last: the role may lack the right to change some of the settings above.
        if (!"none".equals(saved.role())) {
            Jdbc.execute(connection, "SET ROLE " + sql.quote(saved.role()));
        }
        if (!saved.hadTemporaryTables()) {
            Jdbc.execute(connection, "DISCARD TEMP");
        }
        if (manualCommit) {
            connection.commit();
        }
    }

    /** Back to the session user the session had, with no role set for now. */
    private void restoreIdentity() throws SQLException {
        String authorization = Jdbc.string(connection, "SELECT current_setting('session_authorization')");
        if (!saved.authorization().equals(authorization)) {
            Jdbc.execute(connection, "SET SESSION AUTHORIZATION " + sql.quote(saved.authorization()));
        }
        Jdbc.execute(connection, "RESET ROLE");
    }
}
