package dev.flotilla.engine.dialect;

import java.sql.SQLException;

/** A connection positioned on a target; closing it restores the state it had before. */
public interface Session extends AutoCloseable {

    /** Restores schema or database, role, timeouts and session variables. */
    @Override
    void close() throws SQLException;
}
