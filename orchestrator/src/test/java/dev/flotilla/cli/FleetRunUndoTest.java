package dev.flotilla.cli;

import dev.flotilla.FleetProject;
import dev.flotilla.cli.TestCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.flotilla.cli.SampleProject.R1;
import static dev.flotilla.cli.SampleProject.R2;
import static dev.flotilla.cli.SampleProject.R3;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code downgrade --undo RUN} on SQLite tenants: each tenant the run moved goes back where the run found it. */
class FleetRunUndoTest {

    private static final String TENANTS = """
            tenants:
              - {id: t1, server: files}
              - {id: t2, server: files}
              - {id: t3, server: files}
              - {id: t4, server: files}
            """;
    private static final Pattern RUN_ID = Pattern.compile("^Run (\\S+):", Pattern.MULTILINE);

    @TempDir
    Path dir;

    private TestCli cli;

    @BeforeEach
    void project() {
        FleetProject.create(dir, FleetProject.CONFIG, TENANTS);
        cli = new TestCli(dir).env("USER", "tester");
    }

    /** The id of the run whose output this is, from its summary. */
    private static String runId(String out) {
        Matcher matcher = RUN_ID.matcher(out);
        assertThat(matcher.find()).as("a summary in %s", out).isTrue();
        return matcher.group(1);
    }

    private static String[] sortedLines(String text) {
        String[] lines = TestCli.beforeSummary(text).split("\n");
        Arrays.sort(lines);
        return lines;
    }

    private void execute(String tenant, String sql) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/" + tenant + ".db"));
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void undoTakesEachTenantBackToWhereTheRunFoundIt() {
        cli.ok("upgrade", "--tenant", "t1", R1);
        cli.ok("downgrade", "--tenant", "t1", "base"); // a version table with no rows: <base>
        cli.ok("upgrade", "--tenant", "t2", R1);
        cli.ok("upgrade", "--tenant", "t3", R2);
        cli.ok("upgrade", "--tenant", "t4", "heads");
        String before = cli.ok("current");
        assertThat(before).isEqualTo("t1: <base>\nt2: " + R1 + "\nt3: " + R2 + "\nt4: " + R3 + " (head)\n");
        String upgrade = runId(cli.ok("upgrade", "--all"));

        String undo = cli.ok("downgrade", "--undo", upgrade);

        assertThat(sortedLines(undo)).containsExactly(
                "t1: Downgraded " + R3 + " -> <base> (3 steps, 0 ms).",
                "t2: Downgraded " + R3 + " -> " + R1 + " (2 steps, 0 ms).",
                "t3: Downgraded " + R3 + " -> " + R2 + " (1 step, 0 ms).");
        assertThat(undo).contains("\nRun " + runId(undo) + ": downgrade --undo " + upgrade + ", 3 tenants in 0 ms\n");
        assertThat(cli.ok("current")).isEqualTo(before);
    }

    @Test
    void undoingAgainLeavesTheTenantsAlreadyBack() {
        cli.ok("upgrade", "--tenant", "t2", R2);
        String upgrade = runId(cli.ok("upgrade", "--tenant", "t1", "--tenant", "t2"));
        cli.ok("downgrade", "--undo", upgrade);

        String again = cli.ok("downgrade", "--undo", upgrade);

        assertThat(sortedLines(again)).containsExactly("t1: Nothing to do: at <base>.", "t2: Nothing to do: at " + R2 + ".");
        assertThat(cli.ok("current")).isEqualTo("t1: <base>\nt2: " + R2 + "\n"
                + "t3: (uninitialized: no version table flotilla_version)\n"
                + "t4: (uninitialized: no version table flotilla_version)\n");
    }

    @Test
    void aTenantMovedSinceTheRunIsLeftAloneAndFails() {
        String upgrade = runId(cli.ok("upgrade", "--tenant", "t1", "--tenant", "t2", "--tenant", "t3"));
        cli.ok("downgrade", "--tenant", "t2", "-1");

        Result undo = cli.run("downgrade", "--undo", upgrade, "--concurrency", "1");

        assertThat(undo.exitCode()).isEqualTo(1);
        assertThat(sortedLines(undo.out())).containsExactly("t1: Downgraded " + R3 + " -> <base> (3 steps, 0 ms).",
                "t2: failed", "t3: Downgraded " + R3 + " -> <base> (3 steps, 0 ms).");
        assertThat(undo.err()).isEqualTo("error: tenant 't2': it is at " + R2 + " now, not at " + R3 + " where run "
                + upgrade + " left it: something moved it since, so the undo leaves it alone\n");
        assertThat(undo.out()).endsWith("Undo the rest with: flotilla downgrade --undo " + upgrade + "\n");
        assertThat(cli.ok("current")).isEqualTo("t1: <base>\nt2: " + R2 + "\nt3: <base>\n"
                + "t4: (uninitialized: no version table flotilla_version)\n");
    }

    @Test
    void aDryRunShowsEachTenantsWayBackAndChangesNothing() {
        cli.ok("upgrade", "--tenant", "t2", R2);
        String upgrade = runId(cli.ok("upgrade", "--tenant", "t1", "--tenant", "t2", "--tenant", "t3"));
        cli.ok("downgrade", "--tenant", "t3", "-1");
        String current = cli.ok("current");

        Result plan = cli.run("downgrade", "--undo", upgrade, "--dry-run");

        assertThat(plan.exitCode()).isEqualTo(1); // t3 cannot run
        assertThat(plan.err()).startsWith("error: tenant 't3': it is at " + R2 + " now");
        assertThat(plan.out()).isEqualTo("t3: failed\n"
                + "Plan for downgrade --undo " + upgrade + " over 3 tenant(s): 2 to change,"
                + " 0 already there, 1 cannot run.\n"
                + "  " + R3 + " -> <base> (3 steps: " + R3 + ", " + R2 + ", " + R1 + "): 1 tenant(s): t1\n"
                + "  " + R3 + " -> " + R2 + " (1 step: " + R3 + "): 1 tenant(s): t2\n"
                + "  t3: cannot run: tenant 't3': it is at " + R2 + " now, not at " + R3 + " where run " + upgrade
                + " left it: something moved it since, so the undo leaves it alone\n");
        assertThat(cli.ok("current")).isEqualTo(current);
    }

    @Test
    void aTenantThatFailedPartWayHasTheStepsItAppliedTakenBack() throws Exception {
        execute("t2", "CREATE TABLE project (id INTEGER)");
        Result upgrade = cli.run("upgrade", "--tenant", "t1", "--tenant", "t2");
        assertThat(upgrade.exitCode()).isEqualTo(1);
        assertThat(cli.ok("current", "--tenant", "t2")).isEqualTo("t2: " + R1 + "\n");

        String undo = cli.ok("downgrade", "--undo", runId(upgrade.out()));

        assertThat(sortedLines(undo)).containsExactly("t1: Downgraded " + R3 + " -> <base> (3 steps, 0 ms).",
                "t2: Downgraded " + R1 + " -> <base> (1 step, 0 ms).");
        assertThat(cli.ok("current", "--tenant", "t1", "--tenant", "t2")).isEqualTo("t1: <base>\nt2: <base>\n");
    }

    @Test
    void tenantsInFlightWhenTheRunWasKilledAreNamedAndLeftAlone() throws Exception {
        cli.ok("upgrade", "--tenant", "t1", "--tenant", "t2");
        Files.writeString(dir.resolve(".flotilla/runs/20240501-090000-0001.jsonl"), """
                {"type":"run","journal_version":1,"run_id":"20240501-090000-0001","command":"upgrade","target":"heads","started_at":"2024-05-01T09:00:00Z","tenants":["t1","t2"]}
                {"type":"start","tenant":"t1","server":"files"}
                {"type":"start","tenant":"t2","server":"files"}
                {"type":"tenant","tenant":"t2","server":"files","outcome":"migrated","from":[],"to":["%s"],"steps":["%s","%s","%s"],"attempts":1,"duration_ms":25,"error":null}
                """.formatted(R3, R1, R2, R3));

        Result undo = cli.run("downgrade", "--undo", "20240501-090000-0001");

        assertThat(undo.exitCode()).isZero();
        assertThat(undo.err()).isEqualTo("warning: run 20240501-090000-0001 has no end record: it was killed, or it"
                + " still runs (then undo it once it has ended: the tenants it moves from now on are not in this undo)\n"
                + "warning: tenant 't1' was in flight when run 20240501-090000-0001 stopped"
                + " without recording it, so which of its steps went in is unknown and it is not undone; check it"
                + " with `flotilla status`\n");
        assertThat(TestCli.beforeSummary(undo.out())).isEqualTo("t2: Downgraded " + R3 + " -> <base> (3 steps, 0 ms).\n");
        assertThat(cli.ok("current", "--tenant", "t1", "--tenant", "t2")).isEqualTo("t1: " + R3 + " (head)\nt2: <base>\n");
    }

    @Test
    void aRunThatMovedNoTenantHasNothingToUndo() {
        cli.ok("upgrade", "--all");
        String noOp = runId(cli.ok("upgrade", "--all"));

        Result undo = cli.run("downgrade", "--undo", noOp);

        assertThat(undo.exitCode()).isZero();
        assertThat(undo.err()).isEqualTo("run " + noOp + " applied no step to any tenant: there is nothing to undo\n");
        assertThat(undo.out()).isEqualTo("\nRun " + runId(undo.out()) + ": downgrade --undo " + noOp
                + ", 0 tenants in 0 ms\n  no tenants selected\n");
        assertThat(cli.ok("current")).isEqualTo("t1: " + R3 + " (head)\nt2: " + R3 + " (head)\nt3: " + R3 + " (head)\n"
                + "t4: " + R3 + " (head)\n");
    }

    @Test
    void anUnknownRunIsInvalidInput() {
        Result undo = cli.run("downgrade", "--undo", "20991231-235959-0000");
        assertThat(undo.exitCode()).isEqualTo(2);
        assertThat(undo.err()).isEqualTo("error: no run '20991231-235959-0000' in " + dir.resolve(".flotilla/runs")
                + ": no runs have been recorded there yet\n");
    }

    @Test
    void onlyAnUpgradeRunCanBeUndone() {
        cli.ok("upgrade", "--all");
        String downgrade = runId(cli.ok("downgrade", "--all", "base"));

        Result undo = cli.run("downgrade", "--undo", downgrade);

        assertThat(undo.exitCode()).isEqualTo(2);
        assertThat(undo.err()).isEqualTo("error: run " + downgrade + " was a downgrade, not an upgrade; --undo takes"
                + " back upgrade runs only\n");
        assertThat(cli.ok("current")).isEqualTo("t1: <base>\nt2: <base>\nt3: <base>\nt4: <base>\n");
    }

    @Test
    void theUndoTakesNoTargetNoSelectionNoSqlAndNoUrl() {
        String upgrade = runId(cli.ok("upgrade", "--all"));
        Result withTarget = cli.run("downgrade", "--undo", upgrade, "base");
        Result withSelection = cli.run("downgrade", "--undo", upgrade, "--tenant", "t1");
        Result withSql = cli.run("downgrade", "--undo", upgrade, "--sql");
        Result withUrl = cli.run("downgrade", "--undo", upgrade, "--url", "jdbc:sqlite:" + dir.resolve("other.db"));

        assertThat(withTarget.exitCode()).isEqualTo(2);
        assertThat(withTarget.err()).isEqualTo("error: --undo RUN takes each tenant back to where that run found it;"
                + " leave out the TARGET 'base'\n");
        assertThat(withSelection.exitCode()).isEqualTo(2);
        assertThat(withSelection.err()).isEqualTo("error: --undo takes its tenants from the run it names; leave out"
                + " --tenant, --tag, --all, --exclude, --shard and --state\n");
        assertThat(withSql.exitCode()).isEqualTo(2);
        assertThat(withSql.err()).isEqualTo("error: --undo RUN takes each tenant back to where that run found it;"
                + " leave out --sql\n");
        assertThat(withUrl.exitCode()).isEqualTo(2);
        assertThat(withUrl.err()).isEqualTo("error: --undo works on the tenants of a fleet run; leave out --url and"
                + " $DATABASE_URL\n");
        assertThat(dir.resolve("other.db")).doesNotExist();
        assertThat(cli.ok("current")).isEqualTo("t1: " + R3 + " (head)\nt2: " + R3 + " (head)\nt3: " + R3 + " (head)\n"
                + "t4: " + R3 + " (head)\n");
    }
}
