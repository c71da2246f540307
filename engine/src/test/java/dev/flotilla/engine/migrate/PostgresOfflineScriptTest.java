package dev.flotilla.engine.migrate;

import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static dev.flotilla.engine.migrate.MigratorContract.strings;

/**
 * Offline scripts for PostgreSQL, run with {@code psql -v ON_ERROR_STOP=1}; the catalog is
 * {@code pg_dump --schema-only --no-owner} without its comments.
 */
@DatabaseTest(DatabaseKind.POSTGRESQL)
class PostgresOfflineScriptTest extends OfflineScriptContract {

    private TestDatabase online;
    private TestDatabase offline;

    @BeforeEach
    void freshDatabases(TestDatabases databases) {
        online = databases.createExtra(DatabaseKind.POSTGRESQL);
        offline = databases.createExtra(DatabaseKind.POSTGRESQL);
    }

    @Override
    String dialect() {
        return "postgresql";
    }

    @Override
    String bodyObject() {
        return "audit_note";
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
        PlainClient.psql(offline.jdbcUrl(), offline.user(), offline.password()).run(script, root);
    }

    @Override
    List<String> catalog(Connection connection) throws Exception {
        TestDatabase db = connection.getMetaData().getURL().contains(online.name()) ? online : offline;
        URI uri = URI.create(db.jdbcUrl().substring("jdbc:".length()));
        PlainClient pgDump = new PlainClient(List.of("pg_dump", "--schema-only", "--no-owner", "-h", uri.getHost(),
                "-p", String.valueOf(uri.getPort()), "-U", db.user(), db.name()),
                java.util.Map.of("PGPASSWORD", db.password()));
        // Comments, blank lines and the \restrict lines (a random key per dump) differ between any two dumps.
        return pgDump.run("", root).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("--") && !line.startsWith("\\"))
                .toList();
    }

    @Override
    List<String> tables(Connection connection) throws SQLException {
        return strings(connection, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1");
    }
}
