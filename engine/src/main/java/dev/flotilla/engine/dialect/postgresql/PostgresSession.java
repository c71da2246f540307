package dev.flotilla.engine.dialect.postgresql;

import dev.flotilla.engine.dialect.Session;
import dev.flotilla.engine.dialect.internal.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * A PostgreSQL session positioned on a target. Closing it RESETs every setting that is SET now but was
 * not before (search_path, timeouts, whatever a script changed), back to the server's and the
 * connection's start-up values; sets again what had been SET before the session began; and restores
 * session authorization and role.
 *
 * <p>Not RESET ALL: it would also clear the custom settings ({@code SET app.tenant_id = ...}) a pool put
 * on the connection, which pg_settings does not list and so could not be set again. The other side of
 * that coin: a custom setting a script SETs is not undone either. Temporary tables a script created are
 * dropped (DISCARD TEMP) when the connection had none before, since a temporary table shadows the next
 * target's table of the same name; when it had some, all are left. Prepared statements, cursors, LISTEN
 * registrations and advisory locks are not touched. Not thread-safe; closing twice is harmless.
 */
final class PostgresSession implements Session {

    private final Connection connection;
    private final PostgresSql sql;
    private final SessionState saved;
    private final String schema;
    private boolean closed;

    /** @param schema the schema the session is positioned on, or null when it was left where it was */
    PostgresSession(Connection connection, PostgresSql sql, SessionState saved, String schema) {
        this.connection = connection;
        this.sql = sql;
        this.saved = saved;
        this.schema = schema;
    }

    @Override
    public void reposition() throws SQLException {
        if (schema != null) {
            Jdbc.firstRow(connection, "SELECT set_config('search_path', ?, false)", sql.quote(schema));
        }
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
        restoreIdentity();
        Set<String> before = new HashSet<>();
        for (String[] setting : saved.sessionSettings()) {
            before.add(setting[0]);
        }
        for (String[] setting : SessionState.sessionSet(connection)) {
            if (!before.contains(setting[0])) {
                Jdbc.execute(connection, "RESET " + sql.quote(setting[0]));
            }
        }
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
