package dev.flotilla.connect;

import com.mysql.cj.jdbc.JdbcConnection;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Hands a connection of a MySQL/MariaDB server's shared pool (see {@link SharedDatabaseUrl}) to a tenant
 * as a new connection to the tenant's database would be.
 *
 * <p>The connection may come from another tenant, whose scripts can have set anything in the session:
 * user variables, {@code sql_log_bin}, {@code default_storage_engine}, the isolation level, temporary
 * tables, named locks. The server's {@code COM_RESET_CONNECTION} (Connector/J's
 * {@code resetServerState}) clears all of that and gives every session variable its global value, as a
 * login does; it keeps the database, and on MariaDB the active role. So the database is set afresh, and
 * a connection whose role is no longer the one it logged in with is evicted from the pool instead of
 * handed out. A connection seen for the first time comes straight from its login and is not reset.
 *
 * <p>Thread-safe.
 */
final class MySqlHandOver {

    /** MySQL 5.7 has no roles and so no {@code CURRENT_ROLE()}: "FUNCTION ... does not exist". */
    private static final int NO_SUCH_FUNCTION = 1305;

    private static final String NO_ROLES = "\0no roles";

    /** Each physical connection's role at its login; weak, so that closed connections drop out. */
    private final Map<JdbcConnection, String> loginRoles = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * {@code borrowed}, from {@code pool}, or a connection that replaced it, reset and on {@code database}.
     * On failure the connection is back in the pool and the server's error is thrown (1049 for a database
     * that does not exist).
     */
    Connection ready(HikariDataSource pool, Connection borrowed, String database) throws SQLException {
        Connection connection = borrowed;
        try {
            while (!reset(connection)) {
                pool.evictConnection(connection); // marked only: closed by the pool once back
                connection.close();
                connection = pool.getConnection();
            }
            connection.setCatalog(database);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Whether {@code connection} is now as it was after its login. */
    private boolean reset(Connection connection) throws SQLException {
        JdbcConnection physical = connection.unwrap(JdbcConnection.class);
        String loginRole = loginRoles.get(physical);
        if (loginRole == null) {
            loginRoles.put(physical, role(connection));
            return true;
        }
        physical.resetServerState();
        return loginRole.equals(NO_ROLES) || loginRole.equals(role(connection));
    }

    private static String role(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT CURRENT_ROLE()")) {
            rows.next();
            return String.valueOf(rows.getString(1));
        } catch (SQLException e) {
            if (e.getErrorCode() == NO_SUCH_FUNCTION) {
                return NO_ROLES;
            }
            throw e;
        }
    }
}
