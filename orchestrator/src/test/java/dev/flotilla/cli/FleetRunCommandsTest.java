package dev.flotilla.cli;

import dev.flotilla.FleetProject;
import dev.flotilla.cli.TestCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HexFormat;

import static dev.flotilla.cli.SampleProject.R1;
import static dev.flotilla.cli.SampleProject.R2;
import static dev.flotilla.cli.SampleProject.R3;
import static org.assertj.core.api.Assertions.assertThat;

/** upgrade, downgrade and stamp over tenants as fleet runs: one line per tenant, run options, exit codes. */
class FleetRunCommandsTest {

    private static final String TENANTS = """
            tenants:
              - {id: t1, server: files, tags: [canary]}
              - {id: t2, server: files}
              - {id: t3, server: files}
              - {id: t4, server: files}
              - {id: t5, server: files}
            """;

    @TempDir
    Path dir;

    private TestCli cli;

    @BeforeEach
    void project() {
        FleetProject.create(dir, FleetProject.CONFIG, TENANTS);
        cli = new TestCli(dir).env("USER", "tester");
    }

    private void conflictingTable(String tenant) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/" + tenant + ".db"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE account (id INTEGER)");
        }
    }

    /**
     * Puts t1 at R1 and then edits R1's file, so that t1's next run warns; returns that warning as stderr
     * prints it.
     */
    private String changedChecksumOfT1() throws Exception {
        cli.ok("upgrade", "--tenant", "t1", R1);
        Path file = new SampleProject(dir).file(R1);
        String applied = sha256(Files.readString(file));
        Files.writeString(file, Files.readString(file) + "-- edited after it ran\n");
        String now = sha256(Files.readString(file));
        return "warning: tenant 't1': jdbc:sqlite:" + dir.resolve("data/t1.db") + ": 1 applied revision(s) changed since"
                + " they ran:\n  " + R1 + ": applied with " + applied.substring(0, 12) + "…, file now "
                + now.substring(0, 12) + "…\n";
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String[] sortedLines(String text) {
        String[] lines = TestCli.beforeSummary(text).split("\n");
        Arrays.sort(lines);
        return lines;
    }

    @Test
    void eachTenantPrintsOneLineAndAFailureExitsOne() throws Exception {
        conflictingTable("t3");
        Result result = cli.run("upgrade", "--all");
        assertThat(result.exitCode()).isEqualTo(1);
        String migrated = ": Upgraded <base> -> " + R3 + " (3 steps, 0 ms).";
        assertThat(sortedLines(result.out())).containsExactly("t1" + migrated, "t2" + migrated, "t3: failed",
                "t4" + migrated, "t5" + migrated);
        // the tenant named, though the engine's message names the target by its URL
        assertThat(result.err()).startsWith("error: tenant 't3': jdbc:sqlite:" + dir.resolve("data/t3.db") + ": ")
                .contains("upgrade to " + R1 + " failed at statement 1 of 1")
                .contains("already exists");

        Result again = cli.run("upgrade", "--all", "--exclude", "t3");
        assertThat(again.exitCode()).isZero();
        assertThat(sortedLines(again.out())).allSatisfy(line -> assertThat(line).endsWith(": Nothing to do: at " + R3 + "."));
    }

    @Test
    void aRunWithoutALockTimeoutIsWarnedThatABusyTenantWouldWaitForGood() throws Exception {
        Files.writeString(dir.resolve("flotilla.yaml"), FleetProject.CONFIG + "defaults:\n  lock_timeout: 0\n");
        Result result = cli.run("upgrade", "--all", "-q");
        assertThat(result.exitCode()).isZero();
        String warning = "warning: lock_timeout is 0 (no limit): a tenant whose table another session holds keeps"
                + " its worker waiting until that session lets go; set defaults.lock_timeout or --lock-timeout"
                + " (e.g. 10s) so that the run retries it with backoff instead\n";
        assertThat(result.err()).isEqualTo(warning);
        assertThat(cli.run("upgrade", "--all", "--dry-run").err()).isEmpty();
        // the option overrides the config, both ways
        assertThat(cli.run("downgrade", "--all", "base", "-q", "--lock-timeout", "5s").err()).isEmpty();
        Files.writeString(dir.resolve("flotilla.yaml"), FleetProject.CONFIG);
        assertThat(cli.run("upgrade", "--all", "-q", "--lock-timeout", "0").err()).isEqualTo(warning);
    }

    @Test
    void theFailureBudgetSkipsTheTenantsNotYetStarted() throws Exception {
        conflictingTable("t2");
        Result result = cli.run("upgrade", "--all", "--concurrency", "1", "--max-failures", "1");
        assertThat(result.exitCode()).isEqualTo(1);
        String failure = "jdbc:sqlite:" + dir.resolve("data/t2.db") + ": upgrade to " + R1 + " failed at statement 1 of 1 ("
                + dir.resolve("migrations/versions/" + R1 + "_create_account_table.sql") + " line 9): [SQLITE_ERROR] SQL error"
                + " or missing database (table account already exists) [code 1]";
        assertThat(result.out()).isEqualTo("t1: Upgraded <base> -> " + R3 + " (3 steps, 0 ms).\n"
                + "t2: failed\n"
                + "t3: skipped: failure budget of 1 reached\n"
                + "t4: skipped: failure budget of 1 reached\n"
                + "t5: skipped: failure budget of 1 reached\n"
                + "\n"
                + "Run 20240501-101112-ba41: upgrade heads, 5 tenants in 0 ms\n"
                + "  migrated 1, failed 1, skipped 3\n"
                + "Failed (1):\n"
                + "  t2: " + failure + "\n"
                + "Skipped (3):\n"
                + "  failure budget of 1 reached (3)\n"
                + "Tenant duration (2 ran): p50 0 ms, p95 0 ms, max 0 ms\n"
                + "Stopped early: failure budget of 1 reached\n"
                + "Resume with: flotilla upgrade --resume 20240501-101112-ba41\n");
    }

    @Test
    void quietLeavesOutTheTenantsLinesButNotTheirWarnings() throws Exception {
        String warning = changedChecksumOfT1();
        Result result = cli.run("upgrade", "--all", "-q");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo(warning);
    }

    @Test
    void onATerminalOneProgressLineIsRedrawnInPlaceAndEndedBeforeTheSummary() {
        Result result = cli.terminal().run("upgrade", "--all");
        assertThat(result.exitCode()).isZero();
        // The test's clock stands still: no redraw between the first and the last, and no rate.
        assertThat(result.out()).isEqualTo(
                "\r0/5 done, 0 failed, 0 retrying, 0 running, 0.0 tenants/s, ETA --\u001b[K"
                + "\r5/5 done, 0 failed, 0 retrying, 0 running, 0.0 tenants/s, ETA 0s\u001b[K\n"
                + "\n"
                + "Run 20240501-101112-ba41: upgrade heads, 5 tenants in 0 ms\n"
                + "  migrated 5\n"
                + "Tenant duration (5 ran): p50 0 ms, p95 0 ms, max 0 ms\n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void onATerminalTheTenantsWarningsStillReachStderr() throws Exception {
        String warning = changedChecksumOfT1();
        Result result = cli.terminal().run("upgrade", "--all");
        assertThat(result.exitCode()).isZero();
        // the progress line is cleared before the warning, so that it is not printed after the line's text,
        // and drawn again at once below it
        String first = "\r0/5 done, 0 failed, 0 retrying, 0 running, 0.0 tenants/s, ETA --\u001b[K";
        assertThat(result.out()).startsWith(first + "\r\u001b[K\r0/5 done, 0 failed, 0 retrying, ").doesNotContain("t1:");
        assertThat(result.err()).isEqualTo(warning);
    }

    @Test
    void aFailedCanaryTagStopsTheRest() throws Exception {
        conflictingTable("t1");
        Result result = cli.run("upgrade", "--all", "--canary-tag", "canary");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(sortedLines(result.out())).containsExactly("t1: failed", "t2: skipped: canary failed",
                "t3: skipped: canary failed", "t4: skipped: canary failed", "t5: skipped: canary failed");
    }

    @Test
    void aDryRunPrintsThePlanGroupedAndChangesNothing() {
        cli.ok("upgrade", "--tenant", "t2", R2);
        Result result = cli.run("upgrade", "--all", "--dry-run");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("Plan for upgrade heads over 5 tenant(s): 5 to change, 0 already there,"
                + " 0 cannot run.\n"
                + "  <base> -> " + R3 + " (3 steps: " + R1 + ", " + R2 + ", " + R3 + "): 4 tenant(s): t1, t3, t4, t5\n"
                + "  " + R2 + " -> " + R3 + " (1 step: " + R3 + "): 1 tenant(s): t2\n");
        assertThat(dir.resolve("data/t1.db")).doesNotExist();
    }

    @Test
    void downgradeAndStampRunOverTenantsToo() {
        cli.ok("upgrade", "--all");
        assertThat(sortedLines(cli.ok("downgrade", "--tag", "canary", "-1")))
                .containsExactly("t1: Downgraded " + R3 + " -> " + R2 + " (1 step, 0 ms).");
        assertThat(sortedLines(cli.ok("stamp", "--tenant", "t1", "--tenant", "t2", R2)))
                .containsExactly("t1: Nothing to do: at " + R2 + ".", "t2: Stamped " + R3 + " -> " + R2 + ".");
    }

    @Test
    void sqlWithASelectionPrintsEachTenantsScriptAndConnectsToNothing() {
        Result result = cli.run("upgrade", "--tenant", "t1", "--tenant", "t2", "--sql", R2);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("-- tenant t1 (server files)\n").contains("\n-- tenant t2 (server files)\n");
        assertThat(result.out().split("CREATE TABLE account", -1)).hasSize(3); // once per tenant
        assertThat(result.out()).doesNotContain(R3 + "'");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void badRunOptionsAreInputErrors() {
        Result zero = cli.run("upgrade", "--all", "--concurrency", "0");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("concurrency must be at least 1, found 0");
        Result both = cli.run("upgrade", "--all", "--canary", "2", "--canary-tag", "canary");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("give --canary N or --canary-tag T, not both");
        assertThat(dir.resolve("data")).doesNotExist();
    }
}
