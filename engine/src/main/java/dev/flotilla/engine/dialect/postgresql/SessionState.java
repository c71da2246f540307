package dev.flotilla.engine.dialect.postgresql;

import dev.flotilla.engine.dialect.internal.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What a PostgreSQL session looked like before a target used it: the settings someone SET on it (the
 * pool, an earlier user), its role and session authorization, and whether it had temporary tables.
 * Settings from the server's configuration or the connection's start-up packet are not listed: RESET
 * brings those back.
 *
 * @param sessionSettings    name and value of every setting whose source was {@code session}, except
 *                           the two below, which are restored by their own statements
 * @param role               {@code current_setting('role')}: {@code none} when no SET ROLE is in force
 * @param authorization      {@code current_setting('session_authorization')}
 * @param hadTemporaryTables whether the session owned temporary tables already
 */
record SessionState(List<String[]> sessionSettings, String role, String authorization, boolean hadTemporaryTables) {

    SessionState {
        sessionSettings = List.copyOf(sessionSettings);
    }

    /** Name and value of each setting SET in the session now, but role and session authorization. */
    static List<String[]> sessionSet(Connection connection) throws SQLException {
        return Jdbc.pairs(connection, "SELECT name, current_setting(name) FROM pg_catalog.pg_settings "
                + "WHERE source = 'session' AND name NOT IN ('role', 'session_authorization') ORDER BY name");
    }

    static SessionState read(Connection connection) throws SQLException {
        List<String[]> settings = sessionSet(connection);
        List<Object> row = Jdbc.firstRow(connection, "SELECT current_setting('role'), "
                + "current_setting('session_authorization'), "
                + "EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE relnamespace = pg_catalog.pg_my_temp_schema())");
        return new SessionState(settings, (String) row.get(0), (String) row.get(1), (Boolean) row.get(2));
    }
}
