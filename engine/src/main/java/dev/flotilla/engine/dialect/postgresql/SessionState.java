package dev.flotilla.engine.dialect.postgresql;

import java.sql.SQLException;
import java.util.ArrayList;
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

    /** The settings SET in the session now, but role and session authorization. */
    static final String SESSION_SET = "FROM pg_catalog.pg_settings WHERE source = 'session' "
            + "AND name NOT IN ('role', 'session_authorization')";

    /**
     * The state in one row: the settings with their values (one scan of pg_settings, which lists every
     * setting the server has, some hundreds, for both arrays), then role, authorization and whether there
     * are temporary tables. Read with {@link #of}.
     *
     * <p>No index of pg_class leads with {@code relnamespace}, so looking for temporary tables scans it
     * whole: 25 ms a tenant with 10,000 tenant schemas on the server, and more as the fleet grows (every
     * tenant paying for all the others' tables). A session that never made a temporary table has no
     * temporary schema ({@code pg_my_temp_schema()} is 0), and CASE keeps the scan for sessions that have
     * one.
     */
    static final String QUERY = "SELECT s.names, s.vals, current_setting('role') AS role_now, "
            + "current_setting('session_authorization') AS authorization_now, "
            + "CASE WHEN pg_catalog.pg_my_temp_schema() = 0 THEN false ELSE EXISTS (SELECT 1 FROM pg_catalog.pg_class"
            + " WHERE relnamespace = pg_catalog.pg_my_temp_schema()) END AS temporary_tables "
            + "FROM (SELECT array_agg(name ORDER BY name) AS names, array_agg(current_setting(name) ORDER BY name) AS vals "
            + SESSION_SET + ") s";

    /** The state from the columns of {@link #QUERY}, in its order. */
    static SessionState of(List<Object> row) throws SQLException {
        String[] names = strings(row.get(0));
        String[] values = strings(row.get(1));
        List<String[]> settings = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            settings.add(new String[] {names[i], values[i]});
        }
        return new SessionState(settings, (String) row.get(2), (String) row.get(3), (Boolean) row.get(4));
    }

    /** A text array's elements; none for SQL NULL (what array_agg gives for no rows). */
    static String[] strings(Object array) throws SQLException {
        return array == null ? new String[0] : (String[]) ((java.sql.Array) array).getArray();
    }
}
