package dev.flotilla.cli;

import dev.flotilla.engine.EngineException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * The one database of single-database mode and how to log in to it. Opens connections with
 * {@link DriverManager}; the caller closes them. Nothing it prints or throws holds a password.
 * Immutable.
 *
 * @param url      the database
 * @param schema   the schema (PostgreSQL) or database (MySQL) to migrate; null: where the URL points
 * @param user     the user, when given apart from the URL; may be null
 * @param password the password, when given apart from the URL; may be empty
 */
record TargetDatabase(DatabaseUrl url, String schema, String user, Optional<Secret> password) {

    /** How long connecting may take before it is a failure: nothing blocks forever. */
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    /** How messages name the target: its schema, if given, and the URL without passwords. */
    String describe() {
        return schema == null ? url.display() : schema + " (" + url.display() + ")";
    }

    /**
     * Connects, for a command that may change the database ({@code changes}) or only reads it. A SQLite
     * file's folder is created for a change (SQLite creates the file, not its folder); a read of a SQLite
     * file that does not exist fails instead of creating an empty one. A URL no driver accepts is invalid
     * input (exit 2); any other failure to connect exits 1.
     */
    Connection open(boolean changes) {
        prepareSqliteFile(changes);
        try {
            DriverManager.getDriver(url.jdbc());
        } catch (SQLException e) {
            throw new InputException("no JDBC driver accepts the URL '" + url.display() + "'; check its form: "
                    + DatabaseUrl.EXPECTED);
        }
        try {
            return DriverManager.getConnection(url.jdbc(), properties());
        } catch (SQLException e) {
            throw new EngineException("cannot connect to " + url.display() + ": " + scrub(message(e)), 1, null);
        }
    }

    /**
     * Runs {@code work} on a fresh connection and closes it. A failure to close is dropped: the work's
     * outcome (or its exception) is what the command reports, and a connection that will not close
     * leaves nothing behind once the process ends.
     */
    <T> T with(boolean changes, Function<Connection, T> work) {
        Connection connection = open(changes);
        try {
            return work.apply(connection);
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // see above
            }
        }
    }

    private void prepareSqliteFile(boolean changes) {
        if (url.sqliteFile().isEmpty()) {
            return;
        }
        Path file = url.sqliteFile().get();
        if (!changes && !Files.exists(file)) {
            throw new EngineException("there is no SQLite database " + file + " (" + url.display() + "); nothing"
                    + " has been migrated there yet: 'upgrade' creates it", 1, null);
        }
        Path folder = file.getParent();
        if (changes && folder != null && !Files.isDirectory(folder)) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new EngineException("cannot create the folder " + folder + " for the SQLite database: "
                        + e.getMessage(), 1, e);
            }
        }
    }

    private Properties properties() {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        password.ifPresent(secret -> properties.setProperty("password", secret.reveal()));
        String lower = url.jdbc().toLowerCase(java.util.Locale.ROOT);
        if (url.isPostgres() && !lower.contains("connecttimeout=")) {
            properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        } else if (lower.startsWith("jdbc:mysql:") && !lower.contains("connecttimeout=")) {
            properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS * 1000));
        }
        dev.flotilla.engine.dialect.Dialects.forUrl(url.jdbc()).connectionProperties().forEach(properties::setProperty);
        return properties;
    }

    /** The driver's message with every password this target knows masked. */
    String scrub(String text) {
        String scrubbed = url.scrub(text);
        return password.map(secret -> secret.scrub(scrubbed)).orElse(scrubbed);
    }

    private static String message(SQLException e) {
        List<String> parts = new ArrayList<>();
        parts.add(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip());
        if (e.getSQLState() != null) {
            parts.add("[SQLSTATE " + e.getSQLState() + (e.getErrorCode() != 0 ? ", code " + e.getErrorCode() : "")
                    + "]");
        }
        return String.join(" ", parts);
    }

    @Override
    public String toString() {
        return describe();
    }
}
