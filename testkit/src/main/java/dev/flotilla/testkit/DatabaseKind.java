package dev.flotilla.testkit;

/**
 * The server families a test can ask for.
 *
 * <p>Each kind names the environment variable that points the test kit at an existing server
 * ({@link #urlVariable()}); see the {@linkplain dev.flotilla.testkit package documentation} for the
 * full order in which servers are looked for.
 */
public enum DatabaseKind {
    /** PostgreSQL 13 or later (older servers work too, without {@code DROP DATABASE ... WITH (FORCE)}). */
    POSTGRESQL("PostgreSQL", "postgresql", "FLOTILLA_TEST_PG_URL"),
    /** MySQL or MariaDB, both spoken to with MySQL Connector/J. */
    MYSQL("MySQL/MariaDB", "mysql", "FLOTILLA_TEST_MYSQL_URL");

    private final String displayName;
    private final String jdbcSubprotocol;
    private final String urlVariable;

    DatabaseKind(String displayName, String jdbcSubprotocol, String urlVariable) {
        this.displayName = displayName;
        this.jdbcSubprotocol = jdbcSubprotocol;
        this.urlVariable = urlVariable;
    }

    /** A name for messages, such as {@code "MySQL/MariaDB"}. */
    public String displayName() {
        return displayName;
    }

    /** The environment variable that may hold an admin JDBC URL for this kind. */
    public String urlVariable() {
        return urlVariable;
    }

    /** The part of a JDBC URL between {@code jdbc:} and {@code ://}. */
    String jdbcSubprotocol() {
        return jdbcSubprotocol;
    }
}
