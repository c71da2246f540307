package dev.flotilla.run;

import dev.flotilla.TenantUnreachableException;
import dev.flotilla.engine.EngineException;
import dev.flotilla.engine.migrate.MigrationException;

import java.sql.SQLException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a fleet run reads a tenant's failure: may it be retried, and does it say the server is unreachable.
 * The database-specific part (which errors are transient) is the engine's dialects'; this only combines
 * it with what the failure left behind. Stateless.
 */
final class Failures {

    /** MySQL/MariaDB client codes: cannot connect (2002, 2003), server gone (2006), lost (2013), killed (1927). */
    private static final Set<Integer> MYSQL_CONNECTION_CODES = Set.of(2002, 2003, 2006, 2013, 1927);

    /** How messages name a database's SQLSTATE ({@code [SQLSTATE 08001]}). */
    private static final Pattern SQL_STATE = Pattern.compile("\\[SQLSTATE ([0-9A-Z]{5})");

    private Failures() {
    }

    /**
     * True when trying the tenant again is safe and may succeed: the dialect called the error transient and
     * the failed step left nothing behind (rolled back, or failed before any step), or no connection could
     * be made at all (a database that does not exist is not retried).
     */
    static boolean retryable(Throwable failure) {
        if (failure instanceof TenantUnreachableException) {
            return connectionFailure(failure);
        }
        return failure instanceof MigrationException migration && migration.isTransient() && !migration.leftDirty();
    }

    /**
     * True for a failure that says the server cannot be reached, which its circuit breaker counts: no
     * SQLSTATE at all (a pool timeout), or one of class 08, or a MySQL client code for a lost connection.
     * A tenant whose database does not exist ({@code 3D000}, MySQL 1049) is its own failure, not its server's.
     */
    static boolean connectionFailure(Throwable failure) {
        if (failure instanceof TenantUnreachableException unreachable) {
            return unreachable.sqlState() == null || isConnectionState(unreachable.sqlState());
        }
        if (failure instanceof Unreachable unreachable) {
            Matcher state = SQL_STATE.matcher(unreachable.getMessage());
            return !state.find() || isConnectionState(state.group(1));
        }
        if (!(failure instanceof MigrationException migration) || !(migration.getCause() instanceof SQLException)) {
            return false;
        }
        for (Throwable link = migration.getCause(); link != null; link = link.getCause()) {
            if (link instanceof SQLException sql && (isConnectionState(sql.getSQLState())
                    || MYSQL_CONNECTION_CODES.contains(sql.getErrorCode()))) {
                return true;
            }
        }
        return false;
    }

    /** The text a result records: the engine's message, or what an unexpected exception was. */
    static String describe(String tenant, Throwable failure) {
        if (failure instanceof EngineException) {
            return failure.getMessage();
        }
        return "tenant '" + tenant + "': internal error: " + failure;
    }

    private static boolean isConnectionState(String state) {
        return state != null && state.startsWith("08");
    }

    /** A survey that could not read a tenant, recorded by the circuit breaker like a failed connection. */
    static final class Unreachable extends RuntimeException {
        Unreachable(String message) {
            super(message, null, false, false);
        }
    }
}
