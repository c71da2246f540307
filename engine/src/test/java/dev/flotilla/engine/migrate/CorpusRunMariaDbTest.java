package dev.flotilla.engine.migrate;

import dev.flotilla.engine.script.FormatOptions;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static dev.flotilla.engine.migrate.MigratorContract.execute;
import static dev.flotilla.engine.migrate.MigratorContract.strings;

/**
 * The corpus sets on MariaDB against the {@code mariadb} client: kratos and authelia files sent as one
 * batch each (their Go tools use {@code multiStatements=true}), kestra's split by the client as Flyway
 * splits them; databases created with the collation each tool expects. Flotilla splits every file (the
 * MySQL splitter keeps authelia's {@code CREATE PROCEDURE … BEGIN … END} bodies whole without a
 * {@code DELIMITER}), so no file needs to be sent whole. Catalogs: {@code SHOW CREATE} of every table
 * (without {@code AUTO_INCREMENT=n}), routine and trigger, without Flotilla's tables.
 *
 * <p>MariaDB DDL commits statement by statement, so a rejected file leaves what ran before the failing
 * statement, in both runs: Flotilla stops dirty there, and {@code repair --mark-applied} lets it carry on
 * as the plain client does.
 */
@DatabaseTest(DatabaseKind.MYSQL)
class CorpusRunMariaDbTest extends CorpusRunContract {

    private TestDatabases databases;

    @BeforeEach
    void servers(TestDatabases databases) {
        this.databases = databases;
    }

    @Override
    String dialect() {
        return "mysql";
    }

    @Override
    CorpusRun.Recovery recovery() {
        return CorpusRun.Recovery.DIRTY;
    }

    /**
     * Two files fail on MariaDB 10.11 (kratos targets MySQL 8): an {@code INSERT … SELECT} into a table
     * whose NOT NULL {@code created_at} has no default (1364, even with no rows), and a unique index on a
     * generated column MariaDB refuses to index (1901), after its table and two indexes were made.
     */
    @Test
    void kratosRunsUpAsTheClientDoesAndDownToBase() throws Exception {
        runsAsThePlainClient(Project.KRATOS, null, FormatOptions.detect(), new Expected(325,
                List.of("20200317160354000002 1364", "20260408000000000000 1901"),
                List.of(), List.of(), List.of()));
    }

    /**
     * Every file applies. Going down, V0007's down file fails on MariaDB with the plain client too
     * (1061 duplicate key name 'kid': it re-creates an index V0007's up left in place); Flotilla stops
     * dirty at that statement and is marked applied to reach base. The two procedures V0007 creates are
     * never dropped, by design (SOURCE.md), so they stay at base.
     */
    @Test
    void autheliaRunsUpAsTheClientDoesAndDownToBase() throws Exception {
        runsAsThePlainClient(Project.AUTHELIA, "mysql", FormatOptions.detect(), new Expected(23, List.of(),
                List.of(), List.of("0007 1061"),
                List.of("procedure PROC_DROP_FOREIGN_KEY", "procedure PROC_DROP_INDEX")));
    }

    /**
     * Kestra's MySQL set is MySQL-only: every file fails on MariaDB 10.11, on its first error, in both
     * runs: V1_1 on the unquoted column name {@code offset}, 16 files on {@code ->>} (1064), and 7 as a
     * cascade of tables that were never made (1146, and 1051 for V1_20's DROP TABLE). Each failure
     * leaves Flotilla dirty at the failing statement, with what ran before it kept, as the client leaves it;
     * or, where it was the file's first statement and the server refused it while checking it (1064, 1146),
     * clean at the revision before.
     */
    @Test
    void kestraFailsInEveryFileAsTheClientDoes() throws Exception {
        runsAsThePlainClient(Project.KESTRA, "mysql", FormatOptions.detect(), Expected.upOnly(24, List.of(
                "1.1 1064", "1.2 1064", "1.3 1146", "1.4 1064", "1.5 1064", "1.7 1064", "1.8 1064", "1.9 1064",
                "1.10 1146", "1.12 1064", "1.13 1064", "1.14 1146", "1.15 1064", "1.16 1146", "1.17 1064",
                "1.18 1064", "1.19 1064", "1.20 1051", "1.21 1064", "1.22 1146", "1.23 1146", "1.24 1064",
                "1.25 1064", "1.26 1064")));
    }

    @Override
    Target freshTarget(Project project) throws SQLException {
        TestDatabase db = databases.createExtra(DatabaseKind.MYSQL);
        try (Connection connection = db.connect()) {
            execute(connection, "ALTER DATABASE `" + db.name() + "` CHARACTER SET utf8mb4 COLLATE "
                    + project.mariaDbCollation);
        }
        return new Target() {
            @Override
            public Connection connect() throws SQLException {
                return db.connect();
            }

            @Override
            public List<PlainApply.Failure> applyPlain(List<PlainApply.File> files) throws Exception {
                return PlainApply.mariadb(PlainClient.mariadb(db.jdbcUrl(), db.user(), db.password()), files,
                        project.mariaDbBatches, scratch);
            }

            @Override
            public List<String> catalog() throws SQLException {
                List<String> out = new ArrayList<>();
                try (Connection connection = db.connect()) {
                    for (String table : tables(connection)) {
                        out.add(showCreate(connection, "TABLE", table, 2).replaceAll(" AUTO_INCREMENT=\\d+", ""));
                    }
                    for (String routine : strings(connection, "SELECT CONCAT(routine_type, ' ', routine_name)"
                            + " FROM information_schema.routines WHERE routine_schema = DATABASE() ORDER BY 1")) {
                        String[] typeAndName = routine.split(" ", 2);
                        out.add(showCreate(connection, typeAndName[0], typeAndName[1], 3));
                    }
                    for (String trigger : strings(connection, "SELECT trigger_name FROM information_schema.triggers"
                            + " WHERE trigger_schema = DATABASE() ORDER BY 1")) {
                        out.add(showCreate(connection, "TRIGGER", trigger, 3));
                    }
                }
                return out;
            }

            @Override
            public List<String> leftovers() throws SQLException {
                try (Connection connection = db.connect()) {
                    List<String> out = new ArrayList<>(tables(connection));
                    out.addAll(strings(connection, "SELECT CONCAT(LOWER(routine_type), ' ', routine_name)"
                            + " FROM information_schema.routines WHERE routine_schema = DATABASE() ORDER BY 1"));
                    return out;
                }
            }
        };
    }

    private static List<String> tables(Connection connection) throws SQLException {
        return strings(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " AND table_name NOT IN ('flotilla_version', 'flotilla_history') ORDER BY 1");
    }

    private static String showCreate(Connection connection, String kind, String name, int column)
            throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW CREATE " + kind + " `" + name + "`")) {
            rs.next();
            return rs.getString(column);
        }
    }
}
