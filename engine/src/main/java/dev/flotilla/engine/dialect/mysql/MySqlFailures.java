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
     * Refusals that come before a statement changes anything, so a step whose first statement met one is
     * not dirty:
     * <ul>
     *   <li>1205 lock wait timeout (a DDL's metadata lock or a row lock) and 1213 deadlock: the lock was
     *       never granted (MariaDB's DDL is atomic, a refused DML statement is rolled back);</li>
     *   <li>checks the server makes while it parses the statement and opens its objects, before it touches
     *       one: 1064 syntax; 1050 table exists, 1007 database exists, 1304 routine exists, 1359 trigger
     *       exists; 1146 no such table, 1049 no such database, 1008 no such database to drop, 1054 no such
     *       column; 1060 duplicate column name, 1061 duplicate key name, 1091 nothing of that name to
     *       drop (all three checked before an {@code ALTER TABLE} copies or changes anything); 1044, 1142
     *       and 1227 access denied. A pre-existing table that a step's first {@code CREATE TABLE} meets is
     *       the common case: the step failed clean and runs again in full once the table is dealt with.</li>
     * </ul>
     * Not listed, though they look alike: 1051 unknown table (a {@code DROP TABLE} of several drops the
     * ones that exist before it reports the missing one), 1062 duplicate entry (a multi-row insert into a
     * non-transactional table keeps the rows before it), foreign key errors (a failed {@code CREATE TABLE}
     * may leave work behind on servers without atomic DDL).
     */
    private static final Set<Integer> REFUSED_BEFORE_CHANGING = Set.of(1205, 1213,
            1064, 1050, 1007, 1304, 1359, 1146, 1049, 1008, 1054, 1060, 1061, 1091, 1044, 1142, 1227);

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
