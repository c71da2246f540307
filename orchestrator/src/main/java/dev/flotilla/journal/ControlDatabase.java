package dev.flotilla.journal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Connections to the control database, the one a SQL tenant registry reads (a pool's {@code getConnection},
 * or {@code DriverManager} in tests). Each call returns a new connection the caller closes.
 */
@FunctionalInterface
public interface ControlDatabase {

    Connection connect() throws SQLException;
}
