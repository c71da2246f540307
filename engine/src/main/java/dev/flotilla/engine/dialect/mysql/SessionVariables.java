package dev.flotilla.engine.dialect.mysql;

import dev.flotilla.engine.dialect.internal.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The current database and the session variables a migration script is likely to change, as they were
 * before a target used the connection. Values keep their JDBC types (numbers stay numbers), so that
 * setting them back writes the same literal the server gave. Immutable.
 */
final class SessionVariables {

    /**
     * Order matters on the way back: setting {@code character_set_connection} also resets
     * {@code collation_connection}, so the collation comes after it.
     */
    private static final List<String> COMMON = List.of("lock_wait_timeout", "innodb_lock_wait_timeout",
            "sql_mode", "time_zone", "foreign_key_checks", "unique_checks", "character_set_client",
            "character_set_connection", "character_set_results", "collation_connection");

    private final String database;
    private final List<String> names;
    private final List<Object> values;

    private SessionVariables(String database, List<String> names, List<Object> values) {
        this.database = database;
        this.names = names;
        this.values = Collections.unmodifiableList(values);
    }

    static SessionVariables read(Connection connection, Flavor flavor) throws SQLException {
        List<String> names = new ArrayList<>(COMMON);
        names.add(flavor.statementTimeVariable());
        StringBuilder select = new StringBuilder("SELECT DATABASE()");
        for (String name : names) {
            select.append(", @@SESSION.").append(name);
        }
        List<Object> row = Jdbc.firstRow(connection, select.toString());
        return new SessionVariables((String) row.get(0), List.copyOf(names), new ArrayList<>(row.subList(1, row.size())));
    }

    /** The database that was current; null when none was. */
    String database() {
        return database;
    }

    /** Sets every variable back, in one statement. */
    void restore(Connection connection) throws SQLException {
        StringBuilder set = new StringBuilder("SET ");
        for (int i = 0; i < names.size(); i++) {
            set.append(i == 0 ? "" : ", ").append("SESSION ").append(names.get(i)).append(" = ?");
        }
        Jdbc.update(connection, set.toString(), values.toArray());
    }
}
