package dev.flotilla.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * One freshly created database on a test server, owned by one test class and dropped after it.
 *
 * <p>Obtain it by injection (see {@link DatabaseTest}); do not construct it yourself except in tests
 * of code that only reads these values. The value is immutable and thread-safe; every
 * {@link #connect()} opens a new connection that the caller closes.
 *
 * @param kind         the server family
 * @param name         the database name, {@code ft_<epochSeconds>_<8 hex digits>}
 * @param jdbcUrl      a URL for this database, without credentials
 * @param adminJdbcUrl a URL for the server's administrative database ({@code postgres} on
 *                     PostgreSQL, none on MySQL/MariaDB), without credentials; use it to create
 *                     further databases or schemas
 * @param user         a user allowed to create and drop databases
 * @param password     that user's password, possibly empty; never shown by {@link #toString()}
 */
public record TestDatabase(
        DatabaseKind kind, String name, String jdbcUrl, String adminJdbcUrl, String user, String password) {

    public TestDatabase {
        Objects.requireNonNull(kind, "kind");
        requireText(name, "name");
        requireJdbcUrl(jdbcUrl, "jdbcUrl");
        requireJdbcUrl(adminJdbcUrl, "adminJdbcUrl");
        requireText(user, "user");
        Objects.requireNonNull(password, "password must not be null (use \"\" for none)");
    }

    /** Opens a new connection to this database as {@link #user()}. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, credentials());
    }

    /** Opens a new connection to the server's administrative database as {@link #user()}. */
    public Connection connectAdmin() throws SQLException {
        return DriverManager.getConnection(adminJdbcUrl, credentials());
    }

    /** Every component but the password, which shows as {@code <masked>}. */
    @Override
    public String toString() {
        return "TestDatabase[kind=" + kind + ", name=" + name + ", jdbcUrl=" + jdbcUrl
                + ", adminJdbcUrl=" + adminJdbcUrl + ", user=" + user + ", password=<masked>]";
    }

    private Properties credentials() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return properties;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank, was " + (value == null ? "null" : "'" + value + "'"));
        }
    }

    private static void requireJdbcUrl(String value, String field) {
        requireText(value, field);
        if (!value.startsWith("jdbc:")) {
            throw new IllegalArgumentException(field + " must start with 'jdbc:', was '" + value + "'");
        }
    }
}
