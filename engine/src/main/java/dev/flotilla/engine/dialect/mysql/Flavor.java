package dev.flotilla.engine.dialect.mysql;

import dev.flotilla.engine.dialect.internal.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** MySQL or MariaDB: one dialect, but each names its statement time limit differently. */
enum Flavor {

    /** {@code max_statement_time} in seconds, fractions allowed; applies to every statement. */
    MARIADB("max_statement_time"),
    /** {@code max_execution_time} in milliseconds; applies to read-only SELECT statements only. */
    MYSQL("max_execution_time");

    private final String statementTimeVariable;

    Flavor(String statementTimeVariable) {
        this.statementTimeVariable = statementTimeVariable;
    }

    String statementTimeVariable() {
        return statementTimeVariable;
    }

    /**
     * MariaDB says so in {@code @@version} ({@code 10.11.6-MariaDB-...}); MySQL never does. The version the
     * server announced when the connection was made says it without a round trip, but a proxy may announce
     * a MySQL version of its own in front of MariaDB, so only "MariaDB" is taken from it; anything else
     * is asked of the server.
     */
    static Flavor of(Connection connection) throws SQLException {
        if (mariaDb(connection.getMetaData().getDatabaseProductVersion())) {
            return MARIADB;
        }
        return mariaDb(Jdbc.string(connection, "SELECT @@version")) ? MARIADB : MYSQL;
    }

    private static boolean mariaDb(String version) {
        return version != null && version.toLowerCase(Locale.ROOT).contains("mariadb");
    }

    /**
     * {@code select} run free of the session's statement time limit, which would otherwise cut a lock
     * wait short: MariaDB's per-statement SET, MySQL's optimizer hint (which MariaDB would read as a
     * comment).
     */
    String unlimited(String select) {
        return this == MARIADB
                ? "SET STATEMENT max_statement_time = 0 FOR " + select
                : select.replaceFirst("^SELECT ", "SELECT /*+ MAX_EXECUTION_TIME(0) */ ");
    }
}
