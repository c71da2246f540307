package dev.flotilla.engine.dialect.postgresql;

import dev.flotilla.engine.dialect.Session;
import dev.flotilla.engine.dialect.SessionSettings;
import dev.flotilla.engine.dialect.internal.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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

    /** The session's authorization and the names of the settings SET in it now. */
    private static final String READ_NOW = "SELECT current_setting('session_authorization'), ARRAY(SELECT name "
            + SessionState.SESSION_SET + " ORDER BY name)";

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

    /** {@code synchronous_commit} off for this transaction only: {@code set_config}'s third argument is SET LOCAL. */
    @Override
    public void unflushed() throws SQLException {
        Jdbc.firstRow(connection, "SELECT set_config('synchronous_commit', 'off', true)");
    }

    /**
     * A transaction given an id writes a commit record, and with the session's own synchronous_commit that
     * commit waits for the log to reach the disk up to and past every earlier relaxed commit.
     */
    @Override
    public void flush() throws SQLException {
        if (connection.getAutoCommit()) {
            Jdbc.firstRow(connection, "SELECT pg_catalog.txid_current()");
        }
    }

    @Override
    public Optional<SessionSettings> foldable(boolean unflushed) {
        List<String> expressions = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        if (schema != null) {
            expressions.add("set_config('search_path', ?, false)");
            parameters.add(sql.quote(schema));
        }
        if (unflushed) {
            expressions.add("set_config('synchronous_commit', 'off', true)");
        }
        return Optional.of(new SessionSettings(String.join(", ", expressions), parameters));
    }

    /**
     * Puts the session back, in the order the class comment gives, in two round trips: the role reset
     * with the read of what is set now, then every restoring statement together. With auto-commit off,
     * the open transaction is rolled back first and the statements commit as they go, as with it on.
     */
    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        boolean manualCommit = !connection.getAutoCommit();
        if (manualCommit) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        try {
            restore();
        } catch (SQLException | RuntimeException e) {
            if (manualCommit) {
                try {
                    connection.setAutoCommit(false);
                } catch (SQLException again) {
                    e.addSuppressed(again);
                }
            }
            throw e;
        }
        if (manualCommit) {
            connection.setAutoCommit(false);
        }
    }

    private void restore() throws SQLException {
        // Identity first, and the settings read as the session's own user: a role set by a script could
        // hide settings from pg_settings, or lack the right to reset them.
        List<Object> now = Pipelined.run(connection, List.of("RESET ROLE", READ_NOW), List.of());
        if (!saved.authorization().equals(now.get(0))) {
            now = Pipelined.run(connection, List.of("SET SESSION AUTHORIZATION " + sql.quote(saved.authorization()),
                    "RESET ROLE", READ_NOW), List.of());
        }
        List<Restoring> script = new ArrayList<>();
        Set<String> before = new HashSet<>();
        for (String[] setting : saved.sessionSettings()) {
            before.add(setting[0]);
        }
        for (String name : SessionState.strings(now.get(1))) {
            if (!before.contains(name)) {
                script.add(new Restoring("RESET " + sql.quote(name), List.of()));
            }
        }
        // The settings SET before entering, all in one statement: the only one of the round trip that
        // returns a row (the driver mixes up the result formats of several when it prepares every
        // statement on the server, prepareThreshold=-1).
        List<String> setAgain = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String[] setting : saved.sessionSettings()) {
            setAgain.add("set_config(?, ?, false)");
            values.add(setting[0]);
            values.add(setting[1]);
        }
        if (!setAgain.isEmpty()) {
            script.add(new Restoring("SELECT " + String.join(", ", setAgain), values));
        }
        // Last: the role may lack the right to change some of the settings above.
        if (!"none".equals(saved.role())) {
            script.add(new Restoring("SET ROLE " + sql.quote(saved.role()), List.of()));
        }
        if (!saved.hadTemporaryTables()) {
            script.add(new Restoring("DISCARD TEMP", List.of()));
        }
        if (script.isEmpty()) {
            return;
        }
        try {
            Pipelined.run(connection, script.stream().map(Restoring::sql).toList(),
                    script.stream().flatMap(r -> r.parameters().stream()).toList());
        } catch (SQLException | RuntimeException together) {
            // With the driver's default protocol a failure took back the whole round trip (in its simple
            // query mode each statement runs by itself, and only the failing one is lost). Again one
            // statement at a time, each committing by itself: the one that fails (a setting the restored
            // role may not change) must not take back the search_path and timeouts restored before it.
            // Every statement here may run twice.
            try {
                for (Restoring statement : script) {
                    Pipelined.run(connection, List.of(statement.sql()), statement.parameters());
                }
            } catch (SQLException | RuntimeException alone) {
                alone.addSuppressed(together);
                throw alone;
            }
        }
    }

    /** One restoring statement and the values of its parameters. */
    private record Restoring(String sql, List<String> parameters) {
    }
}
