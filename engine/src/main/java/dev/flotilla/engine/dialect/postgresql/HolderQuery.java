package dev.flotilla.engine.dialect.postgresql;

import dev.flotilla.engine.dialect.internal.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Who holds an advisory lock, for the message of a run that could not take it. */
final class HolderQuery {

    private HolderQuery() {
    }

    /**
     * The holder's pid, application name and backend start, or a sentence saying why they are unknown.
     * Never throws: the message matters more than its detail. Other users' sessions show in
     * pg_stat_activity without some columns unless this user may read all statistics.
     */
    static String describe(Connection connection, AdvisoryKey key) {
        try {
            List<Object> row = Jdbc.firstRow(connection, "SELECT l.pid, a.application_name, a.backend_start, "
                    + "a.usename, a.client_addr FROM pg_catalog.pg_locks l "
                    + "LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid "
                    + "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 "
                    + "AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database()) "
                    + "AND l.classid::bigint = ? AND l.objid::bigint = ? LIMIT 1", key.classId(), key.objectId());
            if (row == null) {
                return "the holder let go just now; try again";
            }
            return "held by pid " + row.get(0) + " (application_name '" + text(row.get(1)) + "', user "
                    + text(row.get(3)) + ", client " + text(row.get(4)) + ", backend started " + text(row.get(2))
                    + ")";
        } catch (SQLException e) {
            return "the holder could not be read: " + e.getMessage();
        }
    }

    private static String text(Object value) {
        return value == null ? "unknown" : value.toString();
    }
}
