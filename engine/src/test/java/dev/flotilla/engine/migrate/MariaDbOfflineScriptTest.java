package dev.flotilla.engine.migrate;

import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static dev.flotilla.engine.migrate.MigratorContract.strings;

/**
 * Offline scripts for MariaDB, run with the {@code mariadb} client in batch mode; the catalog is
 * {@code SHOW CREATE TABLE} of every table (without the AUTO_INCREMENT counter) and
 * {@code SHOW CREATE PROCEDURE} of every procedure.
 */
@DatabaseTest(DatabaseKind.MYSQL)
class MariaDbOfflineScriptTest extends OfflineScriptContract {

    private TestDatabase online;
    private TestDatabase offline;

    @BeforeEach
    void freshDatabases(TestDatabases databases) {
        online = databases.createExtra(DatabaseKind.MYSQL);
        offline = databases.createExtra(DatabaseKind.MYSQL);
    }

    @Override
    String dialect() {
        return "mysql";
    }

    @Override
    String bodyObject() {
        return "rename_account";
    }

    @Override
    Connection connectOnline() throws SQLException {
        return online.connect();
    }

    @Override
    Connection connectOffline() throws SQLException {
        return offline.connect();
    }

    @Override
    void runOffline(String script) throws Exception {
        PlainClient.mariadb(offline.jdbcUrl(), offline.user(), offline.password()).run(script, root);
    }

    @Override
    List<String> catalog(Connection connection) throws SQLException {
        List<String> out = new ArrayList<>();
        for (String table : tables(connection)) {
            out.add(second(connection, "SHOW CREATE TABLE `" + table + "`").replaceAll(" AUTO_INCREMENT=\\d+", ""));
        }
        for (String procedure : strings(connection, "SELECT routine_name FROM information_schema.routines"
                + " WHERE routine_schema = DATABASE() ORDER BY 1")) {
            out.add(second(connection, "SHOW CREATE PROCEDURE `" + procedure + "`"));
        }
        return out;
    }

    @Override
    List<String> tables(Connection connection) throws SQLException {
        return strings(connection, "SELECT LOWER(table_name) FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() ORDER BY 1");
    }

    /** The SHOW CREATE statement's text: the second column for tables, the third for routines. */
    private static String second(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(sql.startsWith("SHOW CREATE TABLE") ? 2 : 3);
        }
    }
}
