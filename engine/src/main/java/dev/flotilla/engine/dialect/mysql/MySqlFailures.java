package dev.flotilla.engine.dialect.mysql;

import dev.flotilla.engine.dialect.internal.FailureChain;

import java.sql.SQLException;
import java.util.Set;

/** Which MySQL and MariaDB failures may pass on a later try, by vendor code and SQLSTATE. */
final class MySqlFailures {

    /**
     * 1205 lock wait timeout, 1213 deadlock, 1040 too many connections, 1158-1161 network read and write
     * errors, 1927 connection killed (MariaDB), and the client's 2002/2003 cannot connect, 2006 server
     * gone away, 2013 connection lost during a query.
     */
    private static final Set<Integer> TRANSIENT = Set.of(
            1205, 1213, 1040, 1158, 1159, 1160, 1161, 1927, 2002, 2003, 2006, 2013);

    /**
     * A statement that ran past its time limit will do so again: MySQL's 3024 (max_execution_time) and
     * MariaDB's 1969 (max_statement_time). Connector/J files the former under a timeout exception class,
     * which counts as transient in JDBC; these codes overrule that.
     */
    private static final Set<Integer> NEVER_TRANSIENT = Set.of(3024, 1969);

    private MySqlFailures() {
    }

    /**
     * 1205 lock wait timeout (a DDL's metadata lock or a row lock) and 1213 deadlock: the statement was
     * refused before it changed anything (MariaDB's DDL is atomic, a refused DML statement is rolled back).
     */
    private static final Set<Integer> REFUSED_BEFORE_CHANGING = Set.of(1205, 1213);

    static boolean changedNothing(SQLException failure) {
        return REFUSED_BEFORE_CHANGING.contains(failure.getErrorCode());
    }

    static boolean isTransient(SQLException failure) {
        return FailureChain.anyTransient(failure, MySqlFailures::byCode);
    }

    private static Boolean byCode(SQLException link) {
        int code = link.getErrorCode();
        if (NEVER_TRANSIENT.contains(code)) {
            return Boolean.FALSE;
        }
        String state = link.getSQLState();
        if (TRANSIENT.contains(code) || "40001".equals(state) || (state != null && state.startsWith("08"))) {
            return Boolean.TRUE;
        }
        return null;
    }

    /** Has this session ended, so that whatever it held is gone with it? */
    static boolean sessionGone(SQLException failure) {
        return FailureChain.any(failure, link -> Set.of(1927, 2006, 2013).contains(link.getErrorCode())
                || (link.getSQLState() != null && link.getSQLState().startsWith("08")));
    }
}
