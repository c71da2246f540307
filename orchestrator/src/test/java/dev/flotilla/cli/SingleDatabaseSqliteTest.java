package dev.flotilla.cli;

import dev.flotilla.cli.TestCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static dev.flotilla.cli.SampleProject.R1;
import static dev.flotilla.cli.SampleProject.R2;
import static dev.flotilla.cli.SampleProject.R3;
import static org.assertj.core.api.Assertions.assertThat;

/** Single-database mode on SQLite files: every command, its output and its exit code. */
class SingleDatabaseSqliteTest {

    @TempDir
    Path dir;

    private SampleProject project;
    private TestCli cli;
    private String url;
    private String jdbc;

    @BeforeEach
    void sampleProjectAndADatabaseFileInASubfolder() {
        project = new SampleProject(dir).create();
        cli = new TestCli(dir).env("USER", "tester");
        url = "jdbc:sqlite:data/app.db";
        jdbc = "jdbc:sqlite:" + dir.resolve("data/app.db");
    }

    @Test
    void upgradePrintsEachStepAsAlembicThenASummaryAndCreatesTheFileAndItsFolder() {
        Result result = cli.run("--url", url, "upgrade");
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo("""
                Running upgrade  -> 1f0c2a7b9d31, create account table
                Running upgrade 1f0c2a7b9d31 -> 5b8e41c07a62, create project table
                Running upgrade 5b8e41c07a62 -> c3d9e5f1a084, add account display name
                Upgraded <base> -> c3d9e5f1a084 (3 steps, 0 ms).
                """);
        assertThat(dir.resolve("data/app.db")).isRegularFile();
        assertThat(cli.ok("--url", url, "current")).isEqualTo(R3 + " (head)\n");
        assertThat(cli.ok("--url", url, "upgrade")).isEqualTo("Nothing to do: at c3d9e5f1a084.\n");
    }

    @Test
    void quietUpgradePrintsOnlyTheSummary() {
        assertThat(cli.ok("-q", "--url", url, "upgrade", R2)).isEqualTo("Upgraded <base> -> 5b8e41c07a62 (2 steps, 0 ms).\n");
    }

    @Test
    void currentOfARevisionThatIsNotAHeadHasNoHeadMarker() {
        cli.ok("--url", url, "upgrade", R2);
        assertThat(cli.ok("current", "--url", url)).isEqualTo(R2 + "\n");
    }

    @Test
    void verboseCurrentNamesTheDatabaseAndPrintsTheLogEntry() {
        cli.ok("--url", url, "upgrade");
        assertThat(cli.ok("--url", url, "current", "-v")).startsWith(
                "Current revision(s) for " + jdbc + ":\nRev: " + R3 + " (head)\nParent: " + R2 + "\n");
    }

    @Test
    void currentTellsAnUninitializedDatabaseFromAnEmptyOne() {
        SampleProject.execute(jdbc.replace("data/app.db", "empty.db"), "CREATE TABLE unrelated (x INTEGER)");
        Result uninitialized = cli.run("--url", "jdbc:sqlite:empty.db", "current");
        assertThat(uninitialized.exitCode()).isZero();
        assertThat(uninitialized.out()).isEqualTo("(uninitialized: no version table flotilla_version)\n");

        cli.ok("--url", url, "upgrade");
        cli.ok("--url", url, "downgrade", "base");
        Result empty = cli.run("--url", url, "current");
        assertThat(empty.exitCode()).isZero();
        assertThat(empty.out()).isEmpty();
    }

    @Test
    void currentOfAMissingSqliteFileIsAnErrorAndCreatesNothing() {
        Result result = cli.run("--url", url, "current");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("error: there is no SQLite database " + dir.resolve("data/app.db") + " ("
                + jdbc + "); nothing has been migrated there yet: 'upgrade' creates it\n");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void downgradeMinusOneGoesBackOneStep() {
        cli.ok("--url", url, "upgrade");
        assertThat(cli.ok("--url", url, "downgrade", "-1")).isEqualTo("""
                Running downgrade c3d9e5f1a084 -> 5b8e41c07a62, add account display name
                Downgraded c3d9e5f1a084 -> 5b8e41c07a62 (1 step, 0 ms).
                """);
        assertThat(cli.ok("--url", url, "current")).isEqualTo(R2 + "\n");
        assertThat(SampleProject.column(jdbc, "SELECT name FROM pragma_table_info('account') ORDER BY cid"))
                .containsExactly("id", "email");
        assertThat(cli.ok("--url", url, "downgrade", "base")).endsWith("Downgraded 5b8e41c07a62 -> <base> (2 steps, 0 ms).\n")
                .contains("Running downgrade 1f0c2a7b9d31 -> , create account table\n");
    }

    @Test
    void downgradeNeedsATarget() {
        Result result = cli.run("--url", url, "downgrade");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Missing required parameter: 'TARGET'");
    }

    @Test
    void stampSetsTheVersionWithoutRunningStepsAndPurgeStartsFromNothing() {
        assertThat(cli.ok("--url", url, "stamp", "heads")).isEqualTo("Stamped <base> -> c3d9e5f1a084.\n");
        assertThat(SampleProject.column(jdbc, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name"))
                .containsExactly("flotilla_history", "flotilla_version");
        assertThat(cli.ok("--url", url, "stamp", "--purge", R1)).isEqualTo("Stamped c3d9e5f1a084 -> 1f0c2a7b9d31.\n");
        assertThat(SampleProject.column(jdbc, "SELECT version_num FROM flotilla_version")).containsExactly(R1);
        assertThat(cli.ok("--url", url, "current")).isEqualTo(R1 + "\n");
    }

    @Test
    void historyWithADatabaseShowsEachRevisionsStatus() {
        cli.ok("--url", url, "upgrade", R2);
        assertThat(cli.ok("--url", url, "history")).isEqualTo("""
                5b8e41c07a62 -> c3d9e5f1a084 (head) (not applied), add account display name
                1f0c2a7b9d31 -> 5b8e41c07a62 (current), create project table
                <base> -> 1f0c2a7b9d31 (applied), create account table
                """);
        assertThat(cli.ok("--url", url, "history", "-r", "current:")).isEqualTo("""
                5b8e41c07a62 -> c3d9e5f1a084 (head) (not applied), add account display name
                1f0c2a7b9d31 -> 5b8e41c07a62 (current), create project table
                """);
        assertThat(cli.ok("history")).doesNotContain("applied", "current");
    }

    @Test
    void verboseHistoryListsTheHistoryTableRows() {
        cli.ok("--url", url, "upgrade");
        cli.ok("--url", url, "downgrade", "-1");
        String out = cli.ok("--url", url, "history", "-v");
        assertThat(out).contains("Rev: " + R3 + " (head) (not applied)\n", "Rev: " + R2 + " (current)\n",
                "Rev: " + R1 + " (applied)\n");
        assertThat(out.substring(out.indexOf("History of"))).isEqualTo("History of " + jdbc + " (oldest first):\n" + """
                started (UTC)        action     revision      outcome  duration  statements  applied by  note
                2024-05-01 10:11:12  upgrade    1f0c2a7b9d31  applied  0 ms      1/1         tester
                2024-05-01 10:11:12  upgrade    5b8e41c07a62  applied  0 ms      2/2         tester
                2024-05-01 10:11:12  upgrade    c3d9e5f1a084  applied  0 ms      1/1         tester
                2024-05-01 10:11:12  downgrade  c3d9e5f1a084  applied  0 ms      1/1         tester
                """);
    }

    @Test
    void aFailingStepExitsOneNamesFileAndLineAndLeavesThePreviousRevision() {
        Path bad = project.write("d4e5f6a7b8c9", R3, "fill display names",
                "UPDATE account SET display_name = email;\nINSERT INTO no_such_table VALUES (1);\n", "SELECT 1;\n");
        Result result = cli.run("--url", url, "upgrade");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("Running upgrade c3d9e5f1a084 -> d4e5f6a7b8c9, fill display names\n")
                .doesNotContain("Upgraded");
        assertThat(result.err()).startsWith("error: " + jdbc + ": upgrade to d4e5f6a7b8c9 failed at statement 2 of 2 ("
                + bad + " line 10): ").contains("no such table: no_such_table");
        assertThat(cli.ok("--url", url, "current")).isEqualTo(R3 + "\n");
    }

    @Test
    void aChangedAppliedScriptIsAWarningAndRefusedWhenStrict() throws Exception {
        cli.ok("--url", url, "upgrade", R1);
        Files.writeString(project.file(R1), Files.readString(project.file(R1)) + "-- edited after it ran\n");
        Result warned = cli.run("--url", url, "upgrade", R2);
        assertThat(warned.exitCode()).isZero();
        assertThat(warned.err()).startsWith("warning: " + jdbc + ": 1 applied revision(s) changed since they ran:\n  "
                + R1 + ": applied with ");
        Result strict = cli.run("--url", url, "--strict", "upgrade");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.err()).contains("Refused (strict checksums)");
        assertThat(cli.ok("--url", url, "current")).isEqualTo(R2 + "\n");

        Result checked = cli.run("--url", url, "check");
        assertThat(checked.exitCode()).isEqualTo(1);
        assertThat(checked.out()).startsWith(jdbc + ": revision " + R1 + ": applied with ")
                .endsWith(" (changed since it was applied)\n");
        Files.writeString(project.file(R1), Files.readString(project.file(R1)).replace("-- edited after it ran\n", ""));
        assertThat(cli.ok("--url", url, "check")).endsWith("; no applied revision changed in " + jdbc + "\n");
    }

    @Test
    void repairOfADatabaseWithoutTablesIsRefusedAndCreatesNothing() throws Exception {
        Result fresh = cli.run("--url", url, "repair", "--mark-applied");
        assertThat(fresh.exitCode()).isEqualTo(2);
        assertThat(fresh.err()).isEqualTo("error: " + jdbc + " is not dirty: there is nothing to repair. 'current'"
                + " shows where it stands.\n");
        assertThat(cli.ok("--url", url, "current")).isEqualTo("(uninitialized: no version table flotilla_version)\n");
    }

    @Test
    void repairIsRefusedOnACleanDatabaseAndNeedsExactlyOneAction() {
        cli.ok("--url", url, "upgrade");
        Result clean = cli.run("--url", url, "repair", "--mark-applied");
        assertThat(clean.exitCode()).isEqualTo(2);
        assertThat(clean.err()).isEqualTo("error: " + jdbc + " is not dirty: there is nothing to repair. 'current'"
                + " shows where it stands.\n");
        Result none = cli.run("--url", url, "repair");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).startsWith("Error: Missing required argument (specify one of these):"
                + " (--resume | --mark-applied | --mark-not-applied)");
        Result two = cli.run("--url", url, "repair", "--resume", "--mark-applied");
        assertThat(two.exitCode()).isEqualTo(2);
        assertThat(two.err()).startsWith("Error: --resume, --mark-applied are mutually exclusive");
    }

    @Test
    void aDirtyDatabaseIsReportedByCurrentRefusedByUpgradeAndClearedByRepair() {
        cli.ok("--url", url, "upgrade", R2);
        // What a crash half-way through a non-transactional step leaves: a history row still running.
        SampleProject.execute(jdbc, "INSERT INTO flotilla_history (run_id, revision, direction, checksum, started_at,"
                + " outcome, statements_done, statements_total, applied_by) VALUES ('crashed', '" + R3 + "', 'upgrade',"
                + " 'abc', '2024-05-01T09:00:00Z', 'running', 0, 1, 'someone')");
        Result current = cli.run("--url", url, "current");
        assertThat(current.exitCode()).isEqualTo(1);
        assertThat(current.out()).isEqualTo(R2 + "\n");
        assertThat(current.err()).startsWith("error: " + jdbc + " is dirty: the upgrade of revision " + R3
                + " was interrupted");
        assertThat(cli.ok("--url", url, "history")).contains(R2 + " -> " + R3 + " (head) (dirty), ");
        Result upgrade = cli.run("--url", url, "upgrade");
        assertThat(upgrade.exitCode()).isEqualTo(1);
        assertThat(upgrade.err()).contains("is dirty");

        assertThat(cli.ok("--url", url, "repair", "--mark-not-applied"))
                .isEqualTo("Repaired (mark-not-applied): at 5b8e41c07a62.\n");
        assertThat(cli.ok("--url", url, "current")).isEqualTo(R2 + "\n");
        assertThat(cli.ok("--url", url, "upgrade")).endsWith("Upgraded 5b8e41c07a62 -> c3d9e5f1a084 (1 step, 0 ms).\n");
    }

    @Test
    void databaseUrlFromTheEnvironmentWorksWithoutUrl() {
        cli.env("DATABASE_URL", url);
        assertThat(cli.ok("upgrade", R1)).endsWith("Upgraded <base> -> 1f0c2a7b9d31 (1 step, 0 ms).\n");
        assertThat(cli.ok("current")).isEqualTo(R1 + "\n");
    }

    @Test
    void theVersionTableComesFromTheConfigOrTheOption() throws Exception {
        Files.writeString(dir.resolve("flotilla.yaml"), "scripts: migrations\nversion_table: app_version\nhistory_table: app_history\n"
                + ProjectLocationTest.SERVERS);
        cli.ok("--url", url, "upgrade", R1);
        cli.ok("--url", url, "--version-table", "other_version", "stamp", R1);
        assertThat(SampleProject.column(jdbc, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
                + " ORDER BY name")).containsExactly("account", "app_history", "app_version", "other_history",
                "other_version");
        Files.writeString(dir.resolve("flotilla.yaml"), "scripts: migrations\nversion_table: bad-name\n" + ProjectLocationTest.SERVERS);
        Result bad = cli.run("--url", url, "current");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("error: " + dir.resolve("flotilla.yaml") + ":2:16: version_table: expected a table name"
                + " (a letter or _, then letters, digits or _; at most 63), found 'bad-name'\n");
    }

    @Test
    void commandsThatNeedADatabaseSaySoWithoutOne() {
        Result result = cli.run("upgrade");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: upgrade needs a database: give --url JDBC_URL (or set $DATABASE_URL),"
                + " or a project config (flotilla.yaml) and select tenants with --tenant ID, --tag TAG or --all\n");
    }

    @Test
    void rangesAreForSqlOnly() {
        Result result = cli.run("--url", url, "upgrade", R1 + ":" + R2);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: upgrade 1f0c2a7b9d31:5b8e41c07a62: a FROM:TO range is for --sql only");
    }

    @Test
    void durationsAndTransactionModesAreValidatedNamingTheFlag() {
        Result duration = cli.run("--url", url, "upgrade", "--lock-wait", "3 fortnights");
        assertThat(duration.exitCode()).isEqualTo(2);
        assertThat(duration.err()).startsWith("Invalid value for option '--lock-wait': '3 fortnights' is not a"
                + " duration; use a whole number with a unit (500ms, 30s, 5m, 1h), or 0 for no limit");
        Result mode = cli.run("--url", url, "upgrade", "--transaction", "sometimes");
        assertThat(mode.exitCode()).isEqualTo(2);
        assertThat(mode.err()).startsWith("Invalid value for option '--transaction': 'sometimes' is not a transaction"
                + " mode; use per-step or whole-run");
        assertThat(cli.ok("--url", url, "upgrade", "--lock-wait", "500ms", "--lock-timeout", "PT2S",
                "--statement-timeout", "0", "--transaction", "whole-run"))
                .endsWith("Upgraded <base> -> c3d9e5f1a084 (3 steps, 0 ms).\n");
    }

    @Test
    void aDatabaseLockedByAnotherRunExitsOneAfterTheLockWait() throws Exception {
        cli.ok("--url", url, "upgrade", R1);
        try (Connection other = DriverManager.getConnection(jdbc); Statement statement = other.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE");
            Result result = cli.run("--url", url, "--lock-wait", "200ms", "upgrade");
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).startsWith("error: ").contains("is locked by another run (waited ");
            statement.execute("ROLLBACK");
        }
        assertThat(cli.ok("--url", url, "current")).isEqualTo(R1 + "\n");
    }

    @Test
    void schemaDoesNotApplyToSqlite() {
        Result result = cli.run("--url", url, "--schema", "app", "upgrade");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: --schema does not apply to SQLite");
    }
}
