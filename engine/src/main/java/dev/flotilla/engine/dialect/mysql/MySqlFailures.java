package dev.flotilla.engine.dialect.mysql;

import dev.flotilla.engine.dialect.internal.FailureChain;
import dev.flotilla.engine.sql.SqlDialect;

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
     * 1205 lock wait timeout (a DDL's metadata lock or a row lock) and 1213 deadlock: the statement never
     * got the lock, and InnoDB rolls a refused statement back.
     */
    private static final Set<Integer> LOCK_REFUSED = Set.of(1205, 1213);

    /**
     * Checks the server makes while it parses a DDL statement and opens its objects, before it touches
     * one: 1064 syntax; 1050 table exists, 1007 database exists, 1304 routine exists, 1359 trigger exists;
     * 1146 no such table, 1049 no such database, 1008 no such database to drop, 1054 no such column; 1060
     * duplicate column name, 1061 duplicate key name, 1091 nothing of that name to drop (all three checked
     * before an {@code ALTER TABLE} copies or changes anything); 1044, 1142 and 1227 access denied. Not
     * listed, though they look alike: 1051 unknown table (a {@code DROP TABLE} of several drops the ones that
     * exist before it reports the missing one), 1062 duplicate entry (a multi-row insert into a
     * non-transactional table keeps the rows before it), foreign key errors (a failed {@code CREATE TABLE}
     * may leave work behind on servers without atomic DDL, MySQL before 8.0 and MariaDB before 10.6).
     */
    private static final Set<Integer> REFUSED_ON_CHECK = Set.of(
            1064, 1050, 1007, 1304, 1359, 1146, 1049, 1008, 1054, 1060, 1061, 1091, 1044, 1142, 1227);

    /** Statements whose checks all come before their one change: a DML statement may fire triggers first. */
    private static final Set<String> DDL = Set.of("CREATE", "ALTER", "DROP", "RENAME");

    /** Statements that run others, each committing by itself: a refusal may come after some of them ran. */
    private static final Set<String> RUNS_OTHERS = Set.of("CALL", "EXECUTE");

    /**
     * Whether {@code statement}, refused with {@code failure}, certainly changed nothing: a lock refusal
     * of any statement but one that runs others, or a check-time refusal of a DDL statement. A statement
     * whose first word cannot be told (an executable comment {@code /*!...}) counts for lock refusals only;
     * the word is read as the client reads it ({@link SqlDialect#firstWord}).
     */
    static boolean changedNothing(SQLException failure, String statement) {
        String verb = SqlDialect.MYSQL.firstWord(statement);
        if (RUNS_OTHERS.contains(verb)) {
            return false;
        }
        int code = failure.getErrorCode();
        return LOCK_REFUSED.contains(code) || (REFUSED_ON_CHECK.contains(code) && DDL.contains(verb));
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
