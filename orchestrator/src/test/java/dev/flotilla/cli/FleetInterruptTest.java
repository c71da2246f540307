package dev.flotilla.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.cli.TestCli.Result;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.flotilla.cli.SampleProject.R3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * SIGTERM to a real {@code flotilla upgrade --all} process: the tenants in flight finish their step, the
 * rest are skipped as interrupted, nothing is left locked or half-done, and the exit code is 130. A second
 * SIGTERM cancels the steps in flight instead, which roll back. The interrupted run still writes its report
 * and ends its journal, and {@code --resume} takes up exactly the tenants it skipped.
 */
@DatabaseTest(DatabaseKind.POSTGRESQL)
class FleetInterruptTest {

    private static final String R4 = "a4a4a4a4a4a4";
    private static final int TENANTS = 6;

    @TempDir
    Path dir;

    private TestDatabase pg;
    /** The one that ran the setup: its random source has moved on, so its next run id is a new one. */
    private TestCli cli;

    @BeforeEach
    void fleetAtR3(TestDatabases databases) throws Exception {
        pg = databases.createExtra(DatabaseKind.POSTGRESQL);
        new SampleProject(dir).create();
        new SampleProject(dir).write(R4, R3, "slow step", "SELECT pg_sleep(2);\nCREATE TABLE slow (id INTEGER);\n",
                "DROP TABLE slow;\n");
        StringBuilder tenants = new StringBuilder("tenants:\n");
        StringBuilder schemas = new StringBuilder();
        for (int i = 1; i <= TENANTS; i++) {
            tenants.append("  - {id: t%d, server: pg, schema: t%d}\n".formatted(i, i));
            schemas.append("CREATE SCHEMA t%d;".formatted(i));
        }
        Files.writeString(dir.resolve("tenants.yaml"), tenants);
        Files.writeString(dir.resolve("flotilla.yaml"), """
                scripts: migrations
                servers:
                  pg:
                    url: %s
                    user: %s
                    password: ${env:PG_PASSWORD:-}
                registry:
                  file: tenants.yaml
                """.formatted(pg.jdbcUrl(), pg.user()));
        execute(schemas.toString());
        cli = new TestCli(dir).env("USER", "tester").env("PG_PASSWORD", pg.password());
        cli.ok("upgrade", "--all", R3);
    }

    @Test
    void sigtermLetsTheTenantsInFlightFinishAndSkipsTheRest() throws Exception {
        Process child = start();
        try {
            awaitSleepingSteps(child, 2);
            child.destroy(); // SIGTERM
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child ended").isTrue();
            String out = Files.readString(dir.resolve("out.txt"));
            String err = Files.readString(dir.resolve("err.txt"));
            assertThat(child.exitValue()).as("exit code; stdout:%n%s%nstderr:%n%s", out, err).isEqualTo(130);
            assertThat(err).contains("interrupted (SIGTERM): starting no more tenants; 2 in flight finish or roll back");
            assertThat(out.lines().filter(line -> line.contains(": Upgraded " + R3 + " -> " + R4))).hasSize(2);
            assertThat(out.lines().filter(line -> line.endsWith(": skipped: interrupted"))).hasSize(TENANTS - 2);
            assertThat(count(R4, "applied")).isEqualTo(2);
            assertThat(count(null, "running") + count(null, "failed") + count(null, "dirty")).isZero();
            assertThat(advisoryLocks()).isZero();
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void anInterruptedRunWritesItsReportAndEndsItsJournalAndResumeMigratesExactlyTheTenantsItSkipped()
            throws Exception {
        Process child = start("--report", "report.json");
        try {
            awaitSleepingSteps(child, 2);
            child.destroy();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child ended").isTrue();
            assertThat(child.exitValue()).as("stderr:%n%s", Files.readString(dir.resolve("err.txt"))).isEqualTo(130);
        } finally {
            child.destroyForcibly();
        }

        JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        JsonNode run = report.get("run");
        String runId = run.get("id").asText();
        assertThat(run.get("command").asText()).isEqualTo("upgrade");
        assertThat(run.get("target").asText()).isEqualTo("heads");
        assertThat(run.get("interrupted").asBoolean()).isTrue();
        assertThat(run.get("stop_reason").asText()).isEqualTo("interrupted");
        assertThat(run.get("total").asInt()).isEqualTo(TENANTS);
        assertThat(run.get("counts")).isEqualTo(json("""
                {"migrated": 2, "unchanged": 0, "planned": 0, "failed": 0, "locked": 0, "skipped": 4}"""));
        List<JsonNode> tenants = new ArrayList<>();
        report.get("tenants").forEach(tenants::add);
        // The two in flight slept 2 s in their step; the others never started.
        assertThat(tenants.subList(0, 2)).allSatisfy(tenant ->
                assertThat(tenant.get("duration_ms").asLong()).isGreaterThanOrEqualTo(2000));
        assertThat(tenants.subList(2, TENANTS)).allSatisfy(tenant ->
                assertThat(tenant.get("duration_ms").asLong()).isZero());
        tenants.forEach(tenant -> ((ObjectNode) tenant).remove("duration_ms"));
        assertThat(tenants).containsExactly(
                migrated("t1"), migrated("t2"), skipped("t3"), skipped("t4"), skipped("t5"), skipped("t6"));

        List<String> journal = Files.readAllLines(dir.resolve(".flotilla/runs/" + runId + ".jsonl"));
        assertThat(json(journal.get(journal.size() - 1))).isEqualTo(json("""
                {"type": "end", "finished_at": "%s", "interrupted": true, "stop_reason": "interrupted"}"""
                .formatted(run.get("finished").asText())));
        assertThat(journal.stream().map(this::json).filter(line -> line.get("type").asText().equals("tenant"))
                .map(line -> line.get("tenant").asText() + "=" + line.get("outcome").asText()))
                .containsExactlyInAnyOrder("t1=migrated", "t2=migrated", "t3=skipped", "t4=skipped", "t5=skipped",
                        "t6=skipped");

        Result resumed = cli.run("upgrade", "--resume", runId, "--concurrency", "4");
        assertThat(resumed.exitCode()).as("stdout:%n%s%nstderr:%n%s", resumed.out(), resumed.err()).isZero();
        assertThat(TestCli.beforeSummary(resumed.out()).lines()).containsExactlyInAnyOrder(
                "t3: Upgraded " + R3 + " -> " + R4 + " (1 step, 0 ms).",
                "t4: Upgraded " + R3 + " -> " + R4 + " (1 step, 0 ms).",
                "t5: Upgraded " + R3 + " -> " + R4 + " (1 step, 0 ms).",
                "t6: Upgraded " + R3 + " -> " + R4 + " (1 step, 0 ms).");
        for (int i = 1; i <= TENANTS; i++) {
            assertThat(query("SELECT COUNT(*) FROM t" + i + ".flotilla_history WHERE outcome = 'applied' AND revision = '"
                    + R4 + "'")).as("t" + i + ": %s applied once", R4).isEqualTo(1);
        }
        assertThat(advisoryLocks()).isZero();
    }

    @Test
    void aSecondSigtermCancelsTheStepsInFlightAndTheyRollBack() throws Exception {
        Process child = start();
        try {
            awaitSleepingSteps(child, 2);
            child.destroy();
            Thread.sleep(300);
            child.destroy();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child ended").isTrue();
            String err = Files.readString(dir.resolve("err.txt"));
            assertThat(child.exitValue()).as("stderr:%n%s", err).isEqualTo(130);
            assertThat(err).contains("interrupted again: cancelling the statements in flight");
            assertCancelledAndRolledBack();
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void aShortGraceCancelsTheStepsStillInFlightWhenItEnds() throws Exception {
        Process child = start("--grace", "200ms");
        try {
            awaitSleepingSteps(child, 2);
            child.destroy();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child ended").isTrue();
            String err = Files.readString(dir.resolve("err.txt"));
            assertThat(child.exitValue()).as("stderr:%n%s", err).isEqualTo(130);
            assertThat(err).contains("interrupted (SIGTERM): starting no more tenants; 2 in flight finish or roll back"
                    + " within 200 ms (again to cancel them now)");
            assertCancelledAndRolledBack();
        } finally {
            child.destroyForcibly();
        }
    }

    /**
     * The steps in flight were cancelled: once the server has ended the cancelled sessions (at the end of
     * the sleep, when it next talks to the client), no lock is left and nothing of the slow step is kept.
     */
    private void assertCancelledAndRolledBack() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (advisoryLocks() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(advisoryLocks()).isZero();
        assertThat(count(R4, "applied")).isZero();
        assertThat(count(null, "running") + count(null, "dirty")).isZero();
    }

    /** A tenant of the report that finished its step after the interrupt (its duration left out). */
    private JsonNode migrated(String id) {
        return json("""
                {"id": "%s", "server": "pg", "from": ["%s"], "to": ["%s"], "steps": ["%s"], "attempts": 1,
                 "outcome": "migrated", "error": null}""".formatted(id, R3, R4, R4));
    }

    /** A tenant of the report never started because of the interrupt (its duration left out). */
    private JsonNode skipped(String id) {
        return json("""
                {"id": "%s", "server": "pg", "from": ["%s"], "to": ["%s"], "steps": [], "attempts": 0,
                 "outcome": "skipped", "error": "interrupted"}""".formatted(id, R3, R3));
    }

    private JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Process start(String... options) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "upgrade", "--all", "--concurrency", "2"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("PG_PASSWORD", pg.password());
        builder.environment().remove("DATABASE_URL");
        return builder.start();
    }

    /** Waits until {@code expected} of the child's sessions are in the slow step. */
    private void awaitSleepingSteps(Process child, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (sleeping() < expected) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                fail("no " + expected + " slow steps running; stderr: " + Files.readString(dir.resolve("err.txt")));
            }
            Thread.sleep(50);
        }
    }

    private int sleeping() throws Exception {
        return query("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'flotilla' AND datname = '"
                + pg.name() + "' AND query LIKE 'SELECT pg_sleep%'");
    }

    private int advisoryLocks() throws Exception {
        return query("SELECT COUNT(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database"
                + " WHERE l.locktype = 'advisory' AND d.datname = '" + pg.name() + "'");
    }

    /** History rows over every tenant with this outcome (and revision, when given). */
    private int count(String revision, String outcome) throws Exception {
        StringBuilder sql = new StringBuilder("SELECT SUM(n) FROM (");
        for (int i = 1; i <= TENANTS; i++) {
            sql.append(i == 1 ? "" : " UNION ALL ").append("SELECT COUNT(*) AS n FROM t").append(i)
                    .append(".flotilla_history WHERE outcome = '").append(outcome).append("'")
                    .append(revision == null ? "" : " AND revision = '" + revision + "'");
        }
        return query(sql + ") counts");
    }

    private int query(String sql) throws Exception {
        try (Connection connection = pg.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = pg.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
