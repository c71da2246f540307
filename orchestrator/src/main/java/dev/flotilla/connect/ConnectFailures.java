package dev.flotilla.connect;

import java.sql.SQLException;
import java.util.Set;

/**
 * What a failure to connect says: whether the tenant's database is simply not there yet, and whether
 * trying again could mend it. One place for the servers' codes, which the pools, the commands and the
 * survey all ask about. Stateless.
 */
public final class ConnectFailures {

    /** PostgreSQL: the database named in the URL does not exist. */
    private static final String NO_DATABASE = "3D000";
    /** MySQL/MariaDB: unknown database. */
    private static final int MYSQL_UNKNOWN_DATABASE = 1049;
    /** MySQL/MariaDB: access denied to the database, access denied for the user. */
    private static final Set<Integer> MYSQL_DENIED = Set.of(1044, 1045);

    private ConnectFailures() {
    }

    /** The server said that the database the URL names does not exist (PostgreSQL 3D000, MySQL error 1049). */
    public static boolean databaseMissing(SQLException e) {
        SQLException driver = driverCause(e);
        return NO_DATABASE.equals(driver.getSQLState()) || driver.getErrorCode() == MYSQL_UNKNOWN_DATABASE;
    }

    /**
     * A failure that waiting cannot mend: authorization (SQLSTATE class 28, MySQL/MariaDB 1044 and 1045) or
     * a database that does not exist.
     */
    public static boolean lasting(SQLException e) {
        SQLException driver = driverCause(e);
        String state = driver.getSQLState() == null ? "" : driver.getSQLState();
        return state.startsWith("28") || databaseMissing(driver) || MYSQL_DENIED.contains(driver.getErrorCode());
    }

    /** The driver's exception behind {@code e}: HikariCP's timeout carries it as its cause. */
    private static SQLException driverCause(SQLException e) {
        return e.getCause() instanceof SQLException cause ? cause : e;
    }
}
