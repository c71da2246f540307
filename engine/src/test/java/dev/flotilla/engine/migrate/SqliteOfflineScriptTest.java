package dev.flotilla.engine.migrate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import static dev.flotilla.engine.migrate.MigratorContract.strings;

/** Offline scripts for SQLite, run with {@code sqlite3 -bail}; the catalog is {@code sqlite_master}. */
class SqliteOfflineScriptTest extends OfflineScriptContract {

    @Override
    String dialect() {
        return "sqlite";
    }

    @Override
    String bodyObject() {
        return "account_audit";
    }

    @Override
    Connection connectOnline() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + root.resolve("online.db"));
    }

    @Override
    Connection connectOffline() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + root.resolve("offline.db"));
    }

    @Override
    void runOffline(String script) throws Exception {
        PlainClient.sqlite3(root.resolve("offline.db")).run(script, root);
    }

    @Override
    List<String> catalog(Connection connection) throws SQLException {
        return strings(connection, "SELECT type || ' ' || name || ' ON ' || tbl_name || ': ' || COALESCE(sql, '')"
                + " FROM sqlite_master ORDER BY type, name");
    }

    @Override
    List<String> tables(Connection connection) throws SQLException {
        return strings(connection, "SELECT lower(name) FROM sqlite_master WHERE type = 'table'"
                + " AND name NOT LIKE 'sqlite_%' ORDER BY 1");
    }
}
