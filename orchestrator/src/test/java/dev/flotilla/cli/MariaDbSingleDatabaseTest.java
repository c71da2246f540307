package dev.flotilla.cli;

import dev.flotilla.cli.TestCli.Result;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.flotilla.cli.SampleProject.R2;
import static dev.flotilla.cli.SampleProject.R3;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single-database mode on MySQL/MariaDB, through a {@code jdbc:mariadb:} URL (opened with Connector/J):
 * DDL commits by itself, so a step failing part-way leaves the database dirty until {@code repair}.
 */
@DatabaseTest(DatabaseKind.MYSQL)
class MariaDbSingleDatabaseTest {

    @TempDir
    Path dir;

    private TestDatabase db;
    private TestCli cli;

    @BeforeEach
    void freshDatabaseAndSampleProject(TestDatabases databases) {
        db = databases.createExtra(DatabaseKind.MYSQL);
        new SampleProject(dir).create();
        cli = new TestCli(dir).env("USER", "tester").env("PW", db.password());
    }

    private String[] args(String... command) {
        List<String> args = new ArrayList<>(List.of("--url", db.jdbcUrl().replaceFirst("^jdbc:mysql:", "jdbc:mariadb:"),
                "--user", db.user()));
        if (!db.password().isEmpty()) {
            args.addAll(List.of("--password-env", "PW"));
        }
        args.addAll(List.of(command));
        return args.toArray(String[]::new);
    }

    @Test
    void upgradeThenCurrentThenStampWithPurge() {
        assertThat(cli.ok(args("upgrade"))).isEqualTo("""
                Running upgrade  -> 1f0c2a7b9d31, create account table
                Running upgrade 1f0c2a7b9d31 -> 5b8e41c07a62, create project table
                Running upgrade 5b8e41c07a62 -> c3d9e5f1a084, add account display name
                Upgraded <base> -> c3d9e5f1a084 (3 steps, 0 ms).
                """);
        assertThat(cli.ok(args("current"))).isEqualTo(R3 + " (head)\n");
        assertThat(cli.ok(args("stamp", "--purge", R2))).isEqualTo("Stamped c3d9e5f1a084 -> 5b8e41c07a62.\n");
        assertThat(cli.ok(args("current"))).isEqualTo(R2 + "\n");
    }

    @Test
    void aStepFailingPartWayLeavesTheDatabaseDirtyUntilRepaired() {
        cli.ok(args("upgrade"));
        new SampleProject(dir).write("d4e5f6a7b8c9", R3, "bad step",
                "CREATE TABLE tag (id INTEGER PRIMARY KEY);\nINSERT INTO nowhere VALUES (1);\n", "DROP TABLE tag;\n");
        Result failed = cli.run(args("upgrade"));
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains("upgrade to d4e5f6a7b8c9 failed at statement 2 of 2 (", "line 10): ",
                "the target is now dirty");

        Result current = cli.run(args("current"));
        assertThat(current.exitCode()).isEqualTo(1);
        assertThat(current.out()).isEqualTo(R3 + "\n");
        assertThat(current.err()).contains("is dirty: the upgrade of revision d4e5f6a7b8c9 failed after statement 1"
                + " of 2 completed");
        assertThat(cli.run(args("upgrade")).exitCode()).isEqualTo(1);

        assertThat(cli.ok(args("repair", "--mark-not-applied"))).isEqualTo("Repaired (mark-not-applied): at c3d9e5f1a084.\n");
        assertThat(cli.ok(args("current"))).isEqualTo(R3 + "\n");
    }
}
