package dev.flotilla.engine.dialect.sqlite;

import dev.flotilla.engine.dialect.Dialect;
import dev.flotilla.engine.dialect.TargetReaderContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;

import static dev.flotilla.engine.dialect.Queries.run;

/**
 * Attached files as the places of one connection (a tenant's file is read as {@code main}); the lock
 * is the main file's, taken by a second connection to it.
 */
class SqliteTargetReaderTest extends TargetReaderContract {

    private final Dialect dialect = new SqliteDialect();

    @TempDir
    Path folder;

    @Override
    protected Dialect dialect() {
        return dialect;
    }

    @Override
    protected Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("main.db"));
    }

    /** Attached databases hold at most 10 at once by default; the many-places test uses main alone. */
    @Override
    protected String createPlace(Connection connection, String suffix) throws SQLException {
        if (suffix.startsWith("m")) {
            return "main";
        }
        String name = "Place \"" + suffix + "\"";
        run(connection, "ATTACH DATABASE '" + folder.resolve(suffix + ".db") + "' AS " + dialect.sql().quote(name));
        return name;
    }

    @Override
    protected String missingPlace() {
        return "not attached";
    }

    @Override
    protected Object time(Instant time) {
        return time.toString();
    }

    @Override
    protected int manyPlaces() {
        return 1;
    }

    @Override
    protected String lockTarget(String place) {
        return null;
    }
}
