package dev.flotilla.engine.dialect;

import java.sql.SQLException;

/** A connection positioned on a target; closing it restores the state it had before. */
public interface Session extends AutoCloseable {

    /**
     * Puts the connection back on the target it was positioned on, for when a script moved it
     * ({@code SET search_path}, {@code USE}): the runner calls it between steps, so a script's move can
     * never carry the next step into another tenant.
     */
    void reposition() throws SQLException;

    /** Restores schema or database, role, timeouts and session variables. */
    @Override
    void close() throws SQLException;
}
