package dev.flotilla.cli;

import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.flotilla.cli.SampleProject.R1;
import static dev.flotilla.cli.SampleProject.R2;
import static dev.flotilla.cli.SampleProject.R3;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code downgrade --undo RUN} on PostgreSQL schemas listed by a SQL registry, so that both runs are journaled
 * in the control database's {@code flotilla_runs}: each tenant goes back to where the upgrade found it.
 */
@DatabaseTest(DatabaseKind.POSTGRESQL)
class PostgresUndoTest {

    private static final Pattern RUN_ID = Pattern.compile("^Run (\\S+):", Pattern.MULTILINE);

    @TempDir
    Path dir;

    private TestDatabase db;
    private TestCli cli;

    @BeforeEach
    void fleet(TestDatabases databases) throws Exception {
        db = databases.createExtra(DatabaseKind.POSTGRESQL);
        new SampleProject(dir).create();
        Files.writeString(dir.resolve("flotilla.yaml"), """
                scripts: migrations
                servers:
                  pg:
                    url: %s
                    user: %s
                    password: ${env:PG_PASSWORD}
                registry:
                  sql: {server: pg, query: "SELECT id, 'pg' AS server, schema_name AS schema FROM control_tenants ORDER BY id"}
                """.formatted(db.jdbcUrl(), db.user()));
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE control_tenants (id VARCHAR(50) PRIMARY KEY, schema_name VARCHAR(50))");
            for (String id : List.of("a", "b", "c", "d")) {
                statement.execute("CREATE SCHEMA undo_" + id);
                statement.execute("INSERT INTO control_tenants VALUES ('" + id + "', 'undo_" + id + "')");
            }
        }
        cli = new TestCli(dir).env("USER", "tester").env("PG_PASSWORD", db.password());
    }

    private static String runId(String out) {
        Matcher matcher = RUN_ID.matcher(out);
        assertThat(matcher.find()).as("a summary in %s", out).isTrue();
        return matcher.group(1);
    }

    private List<String> journal(String runId) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = db.connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT kind, tenant, outcome FROM flotilla_runs WHERE run_id = ? ORDER BY seq")) {
            select.setString(1, runId);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getString(3));
                }
            }
        }
        return rows;
    }

    private List<String> tables(String schema) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection connection = db.connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name")) {
            select.setString(1, schema);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
        }
        return tables;
    }

    @Test
    void theUndoPutsEachSchemaBackWhereTheUpgradeFoundIt() throws Exception {
        cli.ok("upgrade", "--tenant", "a", R1);
        cli.ok("downgrade", "--tenant", "a", "base");
        cli.ok("upgrade", "--tenant", "b", R1);
        cli.ok("upgrade", "--tenant", "c", R2);
        cli.ok("upgrade", "--tenant", "d", "heads");
        String before = cli.ok("current");
        assertThat(before).isEqualTo("a: <base>\nb: " + R1 + "\nc: " + R2 + "\nd: " + R3 + " (head)\n");
        String upgrade = runId(cli.ok("upgrade", "--all", "--concurrency", "1"));

        String undoOut = cli.ok("downgrade", "--undo", upgrade, "--concurrency", "1");

        assertThat(TestCli.beforeSummary(undoOut)).isEqualTo("a: Downgraded " + R3 + " -> <base> (3 steps, 0 ms).\n"
                + "b: Downgraded " + R3 + " -> " + R1 + " (2 steps, 0 ms).\n"
                + "c: Downgraded " + R3 + " -> " + R2 + " (1 step, 0 ms).\n");
        assertThat(cli.ok("current")).isEqualTo(before);
        assertThat(tables("undo_a")).containsExactly("flotilla_history", "flotilla_version");
        assertThat(tables("undo_b")).containsExactly("account", "flotilla_history", "flotilla_version");
        String undo = runId(undoOut);
        assertThat(journal(undo)).containsExactly("run null null", "start a null", "tenant a migrated",
                "start b null", "tenant b migrated", "start c null", "tenant c migrated", "end null null");
    }
}
