package dev.flotilla.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;

import static dev.flotilla.cli.SampleProject.R3;
import static org.assertj.core.api.Assertions.assertThat;

/** What a fleet run from the command line records: its journal and --resume, --report, --metrics-file. */
class FleetRunRecordsTest {

    private static final String RUN_ID = "20240501-101112-ba41";
    private static final String TENANTS = """
            tenants:
              - {id: t1, server: files}
              - {id: t2, server: files}
              - {id: t3, server: files}
            """;

    @TempDir
    Path dir;

    private TestCli cli;

    @BeforeEach
    void project() {
        FleetProject.create(dir, FleetProject.CONFIG, TENANTS);
        cli = new TestCli(dir).env("USER", "tester");
    }

    private void execute(String tenant, String sql) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/" + tenant + ".db"));
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void resumeRunsAgainOnlyTheTenantsTheRunLeftUndone() throws Exception {
        execute("t2", "CREATE TABLE account (id INTEGER)");
        Result first = cli.run("upgrade", "--all", "--concurrency", "1", "--max-failures", "1");
        assertThat(first.exitCode()).isEqualTo(1);
        assertThat(dir.resolve(".flotilla/runs/" + RUN_ID + ".jsonl")).isRegularFile();

        execute("t2", "DROP TABLE account");
        Result resumed = cli.run("upgrade", "--resume", RUN_ID, "--concurrency", "1");
        assertThat(resumed.exitCode()).isEqualTo(0);
        assertThat(TestCli.beforeSummary(resumed.out())).isEqualTo("t2: Upgraded <base> -> " + R3 + " (3 steps, 0 ms).\n"
                + "t3: Upgraded <base> -> " + R3 + " (3 steps, 0 ms).\n");
        assertThat(cli.ok("current")).isEqualTo("t1: " + R3 + " (head)\nt2: " + R3 + " (head)\nt3: " + R3 + " (head)\n");
    }

    @Test
    void resumeRefusesAnUnknownRunAndListsTheRecordedOnes() {
        cli.ok("upgrade", "--all");
        Result unknown = cli.run("upgrade", "--resume", "20991231-235959-0000");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("error: no run '20991231-235959-0000' in " + dir.resolve(".flotilla/runs")
                + "; runs recorded there, newest first:\n  " + RUN_ID + " (upgrade heads, 2024-05-01T10:11:12.345678Z, 3 tenants)\n");
    }

    @Test
    void resumeTakesItsTenantsFromTheRunAndItsCommandMustMatch() {
        cli.ok("upgrade", "--all");
        Result withSelection = cli.run("upgrade", "--resume", RUN_ID, "--tenant", "t1");
        assertThat(withSelection.exitCode()).isEqualTo(2);
        assertThat(withSelection.err()).startsWith("error: --resume takes its tenants from the run it names");
    }

    @Test
    void relativeReportAndMetricsFilesAreTakenFromWhereTheCommandRuns() {
        cli.ok("upgrade", "--all", "-q", "--report", "out/report.json", "--metrics-file", "out/run.prom");
        assertThat(dir.resolve("out/report.json")).isRegularFile();
        assertThat(dir.resolve("out/run.prom")).isRegularFile();
    }

    @Test
    void theReportHoldsEveryTenantAndTheMetricsFileTheirOutcomes() throws Exception {
        execute("t3", "CREATE TABLE account (id INTEGER)");
        Path report = dir.resolve("out/report.json");
        Path metrics = dir.resolve("out/flotilla.prom");
        Result result = cli.run("upgrade", "--all", "-q", "--report", report.toString(), "--metrics-file", metrics.toString());
        assertThat(result.exitCode()).isEqualTo(1);

        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.at("/run/id").asText()).isEqualTo(RUN_ID);
        assertThat(json.at("/run/counts/migrated").asInt()).isEqualTo(2);
        assertThat(json.at("/run/counts/failed").asInt()).isEqualTo(1);
        List<String> outcomes = new ArrayList<>();
        json.get("tenants").forEach(tenant -> outcomes.add(tenant.get("id").asText() + "=" + tenant.get("outcome").asText()
                + "/" + tenant.get("steps").size()));
        assertThat(outcomes).containsExactly("t1=migrated/3", "t2=migrated/3", "t3=failed/0");

        assertThat(Files.readAllLines(metrics)).contains(
                "flotilla_tenants_total{outcome=\"migrated\"} 2.0",
                "flotilla_tenants_total{outcome=\"failed\"} 1.0",
                "flotilla_run_tenants 3.0",
                "flotilla_circuit_state{server=\"files\"} 0.0");
        // -q prints only the summary, since a tenant failed.
        assertThat(result.out()).startsWith("\nRun " + RUN_ID + ": upgrade heads, 3 tenants in 0 ms\n");
    }
}
