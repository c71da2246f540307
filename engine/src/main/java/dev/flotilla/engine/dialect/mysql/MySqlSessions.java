package dev.flotilla.engine.dialect.mysql;

import dev.flotilla.engine.dialect.Session;
import dev.flotilla.engine.dialect.Sessions;
import dev.flotilla.engine.dialect.Timeouts;
import dev.flotilla.engine.dialect.internal.Durations;
import dev.flotilla.engine.dialect.internal.Jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Positions a MySQL or MariaDB session on a database ({@code USE}) and applies the timeouts:
 * {@code lock_wait_timeout} (metadata locks, which DDL waits for) and {@code innodb_lock_wait_timeout}
 * (row locks) in whole seconds rounded up, at least 1, and the statement limit (MariaDB
 * {@code max_statement_time} in seconds, MySQL {@code max_execution_time} in milliseconds, which MySQL
 * applies to SELECT only). A zero timeout means no limit: the lock waits get the servers' maxima.
 *
 * <p>Session variables are not transactional here, so the connection's transaction is not touched.
 */
final class MySqlSessions implements Sessions {

    private static final int UNKNOWN_DATABASE = 1049;
    /** The largest values both servers accept (MySQL would take 1073741824 for InnoDB's, MariaDB not). */
    private static final long MAX_LOCK_WAIT_TIMEOUT = 31_536_000;
    private static final long MAX_INNODB_LOCK_WAIT_TIMEOUT = 100_000_000;
    private static final long MAX_STATEMENT_MILLIS = Integer.MAX_VALUE;

    private final MySqlSql sql;

    MySqlSessions(MySqlSql sql) {
        this.sql = sql;
    }

    @Override
    public Session enter(Connection connection, String schema, Timeouts timeouts) throws SQLException {
        Flavor flavor = Flavor.of(connection);
        SessionVariables saved = SessionVariables.read(connection, flavor);
        MySqlSession session = new MySqlSession(connection, sql, saved, schema);
        try {
            // A connection made for the target's database (database-per-tenant) is on it already.
            if (schema != null && !schema.equals(saved.database())) {
                use(connection, schema);
            }
            Jdbc.update(connection, "SET SESSION lock_wait_timeout = ?, SESSION innodb_lock_wait_timeout = ?, "
                    + "SESSION " + flavor.statementTimeVariable() + " = ?",
                    seconds(timeouts.lockTimeout(), MAX_LOCK_WAIT_TIMEOUT),
                    seconds(timeouts.lockTimeout(), MAX_INNODB_LOCK_WAIT_TIMEOUT),
                    statementTime(flavor, timeouts.statementTimeout()));
            return session;
        } catch (SQLException | RuntimeException e) {
            try {
                session.close();
            } catch (SQLException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private void use(Connection connection, String database) throws SQLException {
        try {
            Jdbc.execute(connection, "USE " + sql.quote(database));
        } catch (SQLException e) {
            if (e.getErrorCode() != UNKNOWN_DATABASE) {
                throw e;
            }
            throw new SQLException("Database `" + database + "` does not exist on this server; create it first, "
                    + "or correct the target's database (names are case-sensitive on most servers)",
                    e.getSQLState(), e.getErrorCode(), e);
        }
    }

    private static long seconds(Duration timeout, long max) {
        return timeout.isZero() ? max : Math.max(1, Durations.ceilSeconds(timeout, max));
    }

    /** Zero means no limit on both servers. */
    private static Object statementTime(Flavor flavor, Duration timeout) {
        long millis = Durations.ceilMillis(timeout, MAX_STATEMENT_MILLIS);
        return flavor == Flavor.MARIADB ? BigDecimal.valueOf(millis, 3) : millis;
    }
}
