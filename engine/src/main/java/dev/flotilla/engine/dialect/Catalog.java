package dev.flotilla.engine.dialect;

import java.sql.Connection;
import java.sql.SQLException;

/** Reads of the database catalog on a live connection. Stateless. */
public interface Catalog {

    /**
     * The schema (PostgreSQL), database (MySQL) or {@code main} (SQLite) that unqualified names resolve
     * to on {@code connection} now.
     */
    String currentSchema(Connection connection) throws SQLException;

    /** True when {@code table} exists in {@code schema} (null: the current schema). Names are exact. */
    boolean tableExists(Connection connection, String schema, String table) throws SQLException;
}
