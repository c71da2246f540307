package dev.flotilla.cli;

import dev.flotilla.cli.TestCli.Result;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static dev.flotilla.cli.SampleProject.R2;
import static dev.flotilla.cli.SampleProject.R3;
import static org.assertj.core.api.Assertions.assertThat;

/** Single-database mode on PostgreSQL: a schema as the target, credentials apart from the URL. */
@DatabaseTest(DatabaseKind.POSTGRESQL)
class PostgresSingleDatabaseTest {

    @TempDir
    java.nio.file.Path dir;

    private TestDatabase db;
    private TestCli cli;

    @BeforeEach
    void freshDatabaseAndSampleProject(TestDatabases databases) throws Exception {
        db = databases.createExtra(DatabaseKind.POSTGRESQL);
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA tenant_a");
        }
        new SampleProject(dir).create();
        cli = new TestCli(dir).env("USER", "tester").env("PW", db.password());
    }

    private String[] args(String... command) {
        List<String> args = new ArrayList<>(List.of("--url", db.jdbcUrl(), "--user", db.user(), "--schema", "tenant_a"));
        if (!db.password().isEmpty()) {
            args.addAll(List.of("--password-env", "PW"));
        }
        args.addAll(List.of(command));
        return args.toArray(String[]::new);
    }

    @Test
    void upgradeCurrentDowngradeAndHistoryInASchema() throws Exception {
        assertThat(cli.ok(args("upgrade"))).endsWith("Upgraded <base> -> c3d9e5f1a084 (3 steps, 0 ms).\n");
        assertThat(cli.ok(args("current"))).isEqualTo(R3 + " (head)\n");
        assertThat(tables("tenant_a")).containsExactly("account", "flotilla_history", "flotilla_version", "project");
        assertThat(tables("public")).isEmpty();

        assertThat(cli.ok(args("downgrade", "-1"))).isEqualTo("""
                Running downgrade c3d9e5f1a084 -> 5b8e41c07a62, add account display name
                Downgraded c3d9e5f1a084 -> 5b8e41c07a62 (1 step, 0 ms).
                """);
        assertThat(cli.ok(args("history"))).startsWith(
                "5b8e41c07a62 -> c3d9e5f1a084 (head) (not applied), add account display name\n"
                        + "1f0c2a7b9d31 -> 5b8e41c07a62 (current), create project table\n");
        assertThat(cli.ok(args("current", "-v"))).startsWith("Current revision(s) for tenant_a (" + db.jdbcUrl() + "):\n"
                + "Rev: " + R2 + "\n");
    }

    @Test
    void aFailingStepRollsBackAndTheSchemaStaysAtThePreviousRevision() throws Exception {
        new SampleProject(dir).write("d4e5f6a7b8c9", R3, "bad step",
                "CREATE TABLE tag (id INTEGER PRIMARY KEY);\nINSERT INTO nowhere VALUES (1);\n", "DROP TABLE tag;\n");
        Result result = cli.run(args("upgrade"));
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("upgrade to d4e5f6a7b8c9 failed at statement 2 of 2 (", "line 10): ERROR:",
                "[SQLSTATE 42P01]", "Everything this step did was rolled back");
        assertThat(cli.ok(args("current"))).isEqualTo(R3 + "\n");
        assertThat(tables("tenant_a")).doesNotContain("tag");
    }

    @Test
    void aRefusedLoginNeverPrintsThePassword() {
        // An unknown role is refused whatever the server's authentication method (trust included).
        Result result = cli.env("WRONG", "secret-" + db.name()).run("-v", "--url", db.jdbcUrl(), "--user", "nobody_here",
                "--password-env", "WRONG", "current");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: cannot connect to " + db.jdbcUrl() + ": ");
        assertThat(result.out() + result.err()).doesNotContain("secret-");
    }

    private List<String> tables(String schema) throws Exception {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = '" + schema
                     + "' ORDER BY 1")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }
}
