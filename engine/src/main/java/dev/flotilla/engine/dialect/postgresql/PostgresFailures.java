package dev.flotilla.engine.dialect.postgresql;

import dev.flotilla.engine.dialect.internal.FailureChain;

import java.sql.SQLException;
import java.util.Set;

/** Which PostgreSQL failures may pass on a later try, by SQLSTATE. */
final class PostgresFailures {

    /**
     * Serialization failure and deadlock (the transaction was rolled back), lock timeout, the server
     * shutting down or restarting, too many connections, and a configuration limit such as
     * max_locks_per_transaction being full for now.
     */
    private static final Set<String> TRANSIENT = Set.of(
            "40001", "40P01", "55P03", "57P01", "57P02", "57P03", "53300", "53400");

    /** Connection exceptions: the connection broke, or could not be made. */
    private static final String CONNECTION_CLASS = "08";

    private PostgresFailures() {
    }

    static boolean isTransient(SQLException failure) {
        return FailureChain.anyTransient(failure, PostgresFailures::byState);
    }

    /** A link without a SQLSTATE says nothing; one with a known state decides. */
    private static Boolean byState(SQLException link) {
        String state = link.getSQLState();
        if (state == null) {
            return null;
        }
        return TRANSIENT.contains(state) || state.startsWith(CONNECTION_CLASS) ? Boolean.TRUE : null;
    }

    /** Has the server ended this session, so that whatever it held is gone with it? */
    static boolean sessionGone(SQLException failure) {
        return FailureChain.any(failure, link -> link.getSQLState() != null
                && (link.getSQLState().startsWith(CONNECTION_CLASS) || link.getSQLState().startsWith("57P0")));
    }
}
