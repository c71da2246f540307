package dev.flotilla.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.cli.TestCli.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code flotilla status} on SQLite files: a tenant in every state ({@link StatusFleet}), every format, the
 * gates and their exit codes. The fleet is built once; every test only reads it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusSqliteTest {

    private Path dir;
    private TestCli cli;

    @BeforeAll
    void fleetInEveryState(@TempDir Path folder) throws Exception {
        dir = folder;
        StatusFleet.write(dir, """
                  main:
                    url: jdbc:sqlite:data/${tenant.id}.db
                  lost:
                    url: jdbc:sqlite:lost/${tenant.id}.db
                """, StatusFleet.tenants(id -> ""));
        // A folder where the file should be: it exists, and SQLite cannot open it.
        Files.createDirectories(dir.resolve("lost/gone.db"));
        cli = new TestCli(dir).env("USER", "tester");
        StatusFleet.build(cli, new StatusFleet.TenantSql() {
            @Override
            public void createPlace(String tenant) {
                // SQLite creates the file on the first write; fresh keeps none.
            }

            @Override
            public void execute(String tenant, String sql) {
                SampleProject.execute("jdbc:sqlite:" + dir.resolve("data/" + tenant + ".db"), sql);
            }
        }, false);
    }

    @Test
    void everyStateIsReportedWithExactCountsInEveryFormat() throws Exception {
        new StatusExpectations(StatusFleet.report(dir, Map.of()), "table clash already exists",
                "cannot read " + dir.resolve("lost/gone.db") + ": it is not a file (a folder?)").assertEveryFormat();
    }

    @Test
    void theCommandPrintsTheReportInTheFormatAskedAndExitsZeroWithoutGates() throws Exception {
        Result table = cli.run("status", "--exclude", "gone");
        assertThat(table.exitCode()).isZero();
        assertThat(table.err()).isEmpty();
        assertThat(table.out()).startsWith("Heads: b1b1b1b1b1b1, d4d4d4d4d4d4\n")
                .contains("States: 1 current, 3 behind, 1 ahead, 1 dirty, 1 uninitialized, 0 unreachable (7 tenants)\n")
                .contains("\n  fresh      main    uninitialized  5\n").doesNotContain("gone");

        Result json = cli.run("status", "--exclude", "gone", "--format", "json");
        assertThat(json.exitCode()).isZero();
        Map<?, ?> summary = (Map<?, ?>) new ObjectMapper().readValue(json.out(), Map.class).get("summary");
        assertThat(summary.get("total")).isEqualTo(7);
        assertThat(summary.get("byState")).isEqualTo(Map.of("current", 1, "behind", 3, "ahead", 1, "dirty", 1,
                "uninitialized", 1, "unreachable", 0));

        assertThat(cli.ok("status", "--exclude", "gone", "--format", "csv")).startsWith(
                "id,server,state,behind,revisions,error\ncur,main,current,0,b1b1b1b1b1b1;d4d4d4d4d4d4,\n").hasLineCount(8);
        assertThat(cli.ok("status", "--exclude", "gone", "--format", "prometheus"))
                .contains("flotilla_status_tenants{state=\"behind\"} 3\nflotilla_status_tenants{state=\"ahead\"} 1\n");
    }

    @Test
    void htmlWritesOnePageBesideTheTextReport() throws Exception {
        Result result = cli.run("status", "--tenant", "cur", "--tenant", "old", "--html", "out/status.html", "--format", "csv");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("id,server,state,behind,revisions,error\n"
                + "cur,main,current,0,b1b1b1b1b1b1;d4d4d4d4d4d4,\nold,main,behind,4,1f0c2a7b9d31,\n");
        String page = Files.readString(dir.resolve("out/status.html"));
        assertThat(page).startsWith("<!DOCTYPE html>").contains("data-revision=\"1f0c2a7b9d31\" data-count=\"1\"")
                .contains("<time class=\"report-time\" datetime=\"2024-05-01T10:11:12.345678Z\">");
        try (var files = Files.list(dir.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("status.html");
        }
    }

    @Test
    void anHtmlFileThatCannotBeWrittenIsInvalidInputAndLeavesNothingBehind() throws Exception {
        Result result = cli.run("status", "--tenant", "cur", "--html", "tenants.yaml/status.html");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: cannot write the HTML report to " + dir.resolve("tenants.yaml/status.html")
                + " (--html): java.nio.file.FileAlreadyExistsException: ");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".flotilla") && !n.equals(".flotilla"))).isEmpty(); // .flotilla holds run journals
        }
    }

    @Test
    void failOnSkewExitsOneAndNamesEveryTenantThatIsNotCurrent() {
        Result result = cli.run("status", "--exclude", "gone", "--format", "csv", "--fail-on-skew");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).hasLineCount(8); // the report is printed all the same
        assertThat(result.err()).startsWith("""
                error: --fail-on-skew: 6 of 7 tenants fail:
                  onebranch: behind (1 step to heads)
                  old: behind (4 steps to heads)
                  empty: behind (5 steps to heads)
                  future: ahead: at eeeeeeeeeeee, which the scripts do not have (migrated by a newer release?)
                  broken: dirty: the upgrade of d4d4d4d4d4d4 failed after statement 1 of 2: """)
                .endsWith("\n  fresh: uninitialized (5 steps to heads)\n");
        Result current = cli.run("status", "--tenant", "cur", "--fail-on-skew");
        assertThat(current.exitCode()).isZero();
        assertThat(current.out()).endsWith("Every tenant is current.\n");
        assertThat(current.err()).isEmpty();
    }

    @Test
    void minRevisionExitsOneForEveryTenantWithoutIt() {
        Result result = cli.run("status", "--exclude", "gone", "--format", "csv", "--min-revision", "5b8e41c0");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("""
                error: --min-revision 5b8e41c07a62: 5 of 7 tenants fail:
                  old: lacks 5b8e41c07a62 (at 1f0c2a7b9d31)
                  empty: lacks 5b8e41c07a62 (at <base>)
                  future: lacks 5b8e41c07a62 (at b1b1b1b1b1b1, eeeeeeeeeeee)
                  broken: dirty: the upgrade of d4d4d4d4d4d4 failed""")
                .endsWith("\n  fresh: uninitialized (5 steps to heads)\n");
        assertThat(cli.run("status", "--tenant", "cur", "--tenant", "onebranch", "--min-revision", "5b8e41c07a62")
                .exitCode()).isZero();
        assertThat(cli.run("status", "--tenant", "onebranch", "--min-revision", "billing-root-not-a-rev").exitCode())
                .isEqualTo(2);
    }

    @Test
    void maxBehindExitsOneForTenantsFurtherBehindAndForDirtyOnes() {
        Result result = cli.run("status", "--exclude", "gone", "--format", "csv", "--max-behind", "4");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("""
                error: --max-behind 4: 3 of 7 tenants fail:
                  empty: behind (5 steps to heads)
                  broken: dirty: the upgrade of""").endsWith("\n  fresh: uninitialized (5 steps to heads)\n");
        assertThat(cli.run("status", "--tenant", "cur", "--tenant", "old", "--tenant", "future", "--max-behind", "4")
                .exitCode()).isZero();
        Result negative = cli.run("status", "--max-behind", "-1");
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err()).isEqualTo("error: --max-behind must be 0 or more, found -1\n");
    }

    @Test
    void prometheusIsAFormatOfStatusOnly() {
        Result result = cli.run("tenants", "--format", "prometheus");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: tenants prints --format table, json or csv; prometheus is for status\n");
    }

    @Test
    void statusWithUrlIsInvalidInput() {
        Result result = cli.run("--url", "jdbc:sqlite:" + dir.resolve("data/cur.db"), "status");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: status reports on the tenants of a config; for the one database of"
                + " --url use 'current' or 'history'\n");
    }

    @Test
    void historyOfOneTenantShowsEachRevisionsStatusThereAndItsHistoryRows() {
        assertThat(cli.ok("history", "--tenant", "broken")).isEqualTo("""
                <base> -> b1b1b1b1b1b1 (head) (not applied), add billing
                c3d9e5f1a084 -> d4d4d4d4d4d4 (head) (dirty), add audit
                5b8e41c07a62 -> c3d9e5f1a084 (current), add account display name
                1f0c2a7b9d31 -> 5b8e41c07a62 (applied), create project table
                <base> -> 1f0c2a7b9d31 (applied), create account table
                History of tenant 'broken' (oldest first):
                started (UTC)        action   revision      outcome  duration  statements  applied by  note
                2024-05-01 10:11:12  upgrade  1f0c2a7b9d31  applied  0 ms      1/1         tester
                2024-05-01 10:11:12  upgrade  5b8e41c07a62  applied  0 ms      2/2         tester
                2024-05-01 10:11:12  upgrade  c3d9e5f1a084  applied  0 ms      1/1         tester
                2024-05-01 10:11:12  upgrade  d4d4d4d4d4d4  dirty    0 ms      1/2         tester      \
                [SQLITE_ERROR] SQL error or missing database (table clash already exists)
                """);
        assertThat(cli.ok("history", "--tenant", "fresh")).endsWith("History of tenant 'fresh' (oldest first):\n"
                + "(no history rows)\n");
        Result unknown = cli.run("history", "--tenant", "nobody");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.out()).isEmpty();
    }

    @Test
    void currentVerboseAddsEachTenantsStateAndLastStep() {
        assertThat(cli.ok("current", "-v", "--tenant", "old", "--tenant", "cur", "--tenant", "fresh")).isEqualTo("""
                cur: b1b1b1b1b1b1 (head), d4d4d4d4d4d4 (head)
                  state: current
                  last step:
                    started (UTC)        action   revision      outcome  duration  statements  applied by  note
                    2024-05-01 10:11:12  upgrade  b1b1b1b1b1b1  applied  0 ms      1/1         tester
                old: 1f0c2a7b9d31
                  state: behind (4 steps to heads)
                  last step:
                    started (UTC)        action   revision      outcome  duration  statements  applied by  note
                    2024-05-01 10:11:12  upgrade  1f0c2a7b9d31  applied  0 ms      1/1         tester
                fresh: (uninitialized: no version table flotilla_version)
                  state: uninitialized (5 steps to heads)
                """);
    }
}
