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
 * SIGTERM cancels the steps in flight instead, which roll back.
 */
@DatabaseTest(DatabaseKind.POSTGRESQL)
class FleetInterruptTest {

    private static final String R4 = "a4a4a4a4a4a4";
    private static final int TENANTS = 6;

    @TempDir
    Path dir;

    private TestDatabase pg;

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
        new TestCli(dir).env("USER", "tester").env("PG_PASSWORD", pg.password()).ok("upgrade", "--all", R3);
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
