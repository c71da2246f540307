package dev.flotilla.registry.sql;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens a connection to the control database (or the server to discover on). The registry closes
 * every connection it opens before returning; the source may hand out pooled ones.
 */
@FunctionalInterface
public interface ConnectionSource {

    /** A new (or pooled) connection that the caller closes. */
    Connection open() throws SQLException;
}
