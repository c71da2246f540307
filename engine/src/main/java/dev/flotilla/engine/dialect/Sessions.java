package dev.flotilla.engine.dialect;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Positions a connection on a target for the length of a run and puts it back as it was, so that a
 * pooled connection carries nothing of one target into the next use: schema or database, role,
 * timeouts and the session variables a script may have set.
 */
public interface Sessions {

    /**
     * Remembers the connection's session state, switches it to {@code schema} (null: stay where it is)
     * and applies {@code timeouts}. Closing the returned session restores what was remembered.
     */
    Session enter(Connection connection, String schema, Timeouts timeouts) throws SQLException;
}
