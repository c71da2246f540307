package dev.flotilla.engine.dialect.mysql;

import dev.flotilla.engine.dialect.Catalog;
import dev.flotilla.engine.dialect.internal.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** MySQL's and MariaDB's catalog, read from information_schema. Stateless. */
final class MySqlCatalog implements Catalog {

    /** The current database; null when the connection has none selected. */
    @Override
    public String currentSchema(Connection connection) throws SQLException {
        return Jdbc.string(connection, "SELECT DATABASE()");
    }

    /**
     * information_schema compares names case-insensitively (its collation is a {@code _general_ci} one),
     * so the candidates it finds are compared again here, exactly.
     */
    @Override
    public boolean tableExists(Connection connection, String schema, String table) throws SQLException {
        List<String[]> candidates = Jdbc.pairs(connection, "SELECT table_schema, table_name "
                + "FROM information_schema.tables WHERE table_schema = COALESCE(?, DATABASE()) "
                + "AND table_name = ? AND table_type = 'BASE TABLE'", schema, table);
        String wanted = schema != null ? schema : currentSchema(connection);
        return candidates.stream().anyMatch(row -> row[0].equals(wanted) && row[1].equals(table));
    }
}
