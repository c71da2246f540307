package dev.flotilla.engine.dialect.sqlite;

import dev.flotilla.engine.dialect.Catalog;
import dev.flotilla.engine.dialect.internal.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** SQLite's catalog, read from a schema's sqlite_master. Stateless. */
final class SqliteCatalog implements Catalog {

    static final String MAIN = "main";

    private final SqliteSql sql;

    SqliteCatalog(SqliteSql sql) {
        this.sql = sql;
    }

    /** Always {@code main}: unqualified names resolve to the main database file (or a temp table). */
    @Override
    public String currentSchema(Connection connection) {
        return MAIN;
    }

    /**
     * {@code =} on text is a binary, exact comparison in SQLite. {@code schema} may name an attached
     * database too.
     */
    @Override
    public boolean tableExists(Connection connection, String schema, String table) throws SQLException {
        String master = sql.quote(schema == null ? MAIN : schema) + ".sqlite_master";
        return Jdbc.firstRow(connection, "SELECT 1 FROM " + master + " WHERE type = 'table' AND name = ?",
                table) != null;
    }
}
