package dev.flotilla.engine.dialect.postgresql;

import dev.flotilla.engine.dialect.Catalog;
import dev.flotilla.engine.dialect.internal.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** PostgreSQL's catalog, read from pg_catalog. Stateless. */
final class PostgresCatalog implements Catalog {

    @Override
    public String currentSchema(Connection connection) throws SQLException {
        return Jdbc.string(connection, "SELECT current_schema()");
    }

    /**
     * Compares names with {@code =} on pg_class rather than through {@code to_regclass}, which would parse
     * the name as SQL and fold its case. Ordinary and partitioned tables count; views do not.
     */
    @Override
    public boolean tableExists(Connection connection, String schema, String table) throws SQLException {
        return Jdbc.firstRow(connection, "SELECT 1 FROM pg_catalog.pg_class c "
                + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = coalesce(CAST(? AS text), current_schema()) AND c.relname = ? "
                + "AND c.relkind IN ('r', 'p')", schema, table) != null;
    }
}
