package dev.flotilla.engine.migrate;

import dev.flotilla.engine.script.FormatOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import static dev.flotilla.engine.migrate.MigratorContract.execute;
import static dev.flotilla.engine.migrate.MigratorContract.strings;

/**
 * The corpus sets on SQLite files against {@code sqlite3 -bail}: a transaction per file (none for
 * {@code .autocommit} files), kratos with {@code PRAGMA foreign_keys=ON} as pop sets it. Flotilla runs
 * every step in a savepoint of the run's exclusive transaction, so a rejected file rolls back whole and
 * the run, stamped past it, carries on. Catalogs: {@code sqlite_master} without Flotilla's tables and
 * without {@code sqlite_sequence}, which Flotilla's history table (AUTOINCREMENT) brings.
 */
class CorpusRunSqliteTest extends CorpusRunContract {

    private int files;

    @Override
    String dialect() {
        return "sqlite";
    }

    @Override
    CorpusRun.Recovery recovery() {
        return CorpusRun.Recovery.ROLLED_BACK;
    }

    @Test
    void kratosRunsUpAsSqlite3DoesAndDownToBase() throws Exception {
        runsAsThePlainClient(Project.KRATOS, null, FormatOptions.detect(),
                new Expected(538, List.of(), List.of(), List.of(), List.of()));
    }

    /**
     * V0002 calls {@code BIN2B64}, a function authelia's driver registers and sqlite3 does not have; it
     * fails in both runs (not registered here: the plain client is the floor), and the five files that
     * use the tables it makes fail after it. Each failure rolls back to the revision before, and the run
     * is stamped past it. Going down, the down files of five of those stamped-past revisions fail in turn
     * on the tables that were never made (V0003's down runs: it only drops a backup table, IF EXISTS); each
     * rolls back and is stamped past too. Nothing is left at base.
     */
    @Test
    void autheliaFailsWhereSqlite3FailsAndRunsDownToBase() throws Exception {
        runsAsThePlainClient(Project.AUTHELIA, "sqlite", FormatOptions.detect(),
                new Expected(21, List.of("0002 no such function: BIN2B64", "0003 no such table: webauthn_devices",
                        "0007 no such table: webauthn_devices", "0012 no such table: webauthn_devices",
                        "0019 no such table: webauthn_credentials", "0024 no such table: webauthn_credentials"),
                        List.of(), List.of("0024 no such table: webauthn_credentials",
                        "0019 no such table: webauthn_credentials", "0012 no such table: webauthn_credentials",
                        "0007 no such table: webauthn_devices", "0002 no such table: webauthn_devices"), List.of()));
    }

    @Override
    Target freshTarget(Project project) {
        Path file = scratch.resolve("target-" + (++files) + ".db");
        String url = "jdbc:sqlite:" + file;
        return new Target() {
            @Override
            public Connection connect() throws SQLException {
                Connection connection = DriverManager.getConnection(url);
                if (!project.sqlitePrelude.isEmpty()) {
                    execute(connection, project.sqlitePrelude);
                }
                return connection;
            }

            @Override
            public List<PlainApply.Failure> applyPlain(List<PlainApply.File> files) throws Exception {
                return PlainApply.sqlite3(file, project.sqlitePrelude, files, scratch);
            }

            @Override
            public List<String> catalog() throws SQLException {
                try (Connection connection = DriverManager.getConnection(url)) {
                    return strings(connection, "SELECT type || ' ' || name || ' ON ' || tbl_name || ': '"
                            + " || COALESCE(sql, '') FROM sqlite_master"
                            + " WHERE tbl_name NOT LIKE 'flotilla\\_%' ESCAPE '\\'"
                            + " AND name <> 'sqlite_sequence' ORDER BY type, name");
                }
            }

            @Override
            public List<String> leftovers() throws SQLException {
                try (Connection connection = DriverManager.getConnection(url)) {
                    return strings(connection, "SELECT type || ' ' || name FROM sqlite_master"
                            + " WHERE tbl_name NOT LIKE 'flotilla\\_%' ESCAPE '\\' AND name <> 'sqlite_sequence'"
                            + " ORDER BY type, name");
                }
            }
        };
    }
}
