package dev.flotilla.run;

import dev.flotilla.Flotilla;
import dev.flotilla.cli.SampleProject;
import dev.flotilla.registry.Tenant;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static dev.flotilla.cli.SampleProject.R2;
import static dev.flotilla.cli.SampleProject.R3;
import static dev.flotilla.run.PgFleets.count;
import static dev.flotilla.run.PgFleets.fleet;
import static dev.flotilla.run.PgFleets.names;
import static dev.flotilla.run.PgFleets.schemaTenants;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fleet runs on PostgreSQL schemas: lock timeouts retried with growing backoff until the lock is released or
 * the attempts run out, two runs on one fleet at once applying each step exactly once, and a server that is
 * down skipped by its circuit breaker while the other server's tenants are migrated.
 */
@DatabaseTest(DatabaseKind.POSTGRESQL)
class FleetRunPostgresTest {

    private static final String LOCK_TIMEOUT = "ERROR: canceling statement due to lock timeout";

    @TempDir
    Path dir;

    private TestDatabase pg;

    @BeforeEach
    void database(TestDatabases databases) {
        pg = databases.createExtra(DatabaseKind.POSTGRESQL);
    }

    /** A fleet of {@code count} schemas s001… on the test database, created here. */
    private TestFleet schemas(int count) throws Exception {
        return schemaTenants(fleet(dir, pg), "pg", pg, names("s", count));
    }

    @Test
    void aLockTimeoutIsRetriedWithBackoffUntilTheLockIsReleased() throws Exception {
        try (Flotilla flotilla = schemas(3).open("defaults:\n  lock_timeout: 200ms\n")) {
            List<Tenant> all = flotilla.registry().tenants();
            new FleetRun(flotilla, RunSettings.defaults(), RunListener.NONE).run(FleetCommand.upgrade(R2), all);
            try (Connection holder = pg.connect(); Statement statement = holder.createStatement()) {
                holder.setAutoCommit(false);
                statement.execute("LOCK TABLE s002.account IN ACCESS EXCLUSIVE MODE");
                List<Duration> waits = new ArrayList<>();
                Sleeper releaseOnFourthWait = duration -> {
                    waits.add(duration);
                    if (waits.size() == 4) {
                        try {
                            holder.commit();
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                };
                TestFleet.Recorder recorder = new TestFleet.Recorder();
                // Four waits: the fourth would be 800 ms ± 50% without the 400 ms bound, so it is the bound.
                RunSettings.Retries retries = new RunSettings.Retries(5, Duration.ofMillis(100), Duration.ofMillis(400));
                RunSummary summary = new FleetRun(flotilla, RunSettings.defaults().withRetry(retries), recorder,
                        releaseOnFourthWait).run(FleetCommand.upgrade("heads"), all);

                assertThat(summary.results()).extracting(TenantResult::outcome).containsOnly(Outcome.MIGRATED);
                assertThat(summary.results()).extracting(TenantResult::attempts).containsExactly(1, 5, 1);
                assertThat(recorder.retries).containsExactly("s002#1", "s002#2", "s002#3", "s002#4");
                assertThat(waits).hasSize(4);
                for (int retry = 1; retry <= 4; retry++) {
                    assertThat(waits.get(retry - 1)).as("wait before retry %d", retry)
                            .isBetween(RetryWaits.lowest(retries, retry), RetryWaits.highest(retries, retry));
                }
                assertThat(waits.get(3)).isEqualTo(retries.maxBackoff());
            }
            String failed = "failed 0/1 " + LOCK_TIMEOUT;
            assertThat(history("s002", R3)).containsExactly(failed, failed, failed, failed, "applied 1/1 null");
        }
    }

    @Test
    void aLockHeldThroughEveryAttemptFailsTheTenantAfterTheLastAttempt() throws Exception {
        try (Flotilla flotilla = schemas(3).open("defaults:\n  lock_timeout: 200ms\n")) {
            List<Tenant> all = flotilla.registry().tenants();
            new FleetRun(flotilla, RunSettings.defaults(), RunListener.NONE).run(FleetCommand.upgrade(R2), all);
            TestFleet.Recorder recorder = new TestFleet.Recorder();
            TestFleet.NoWait sleeper = new TestFleet.NoWait();
            RunSummary summary;
            try (Connection holder = pg.connect(); Statement statement = holder.createStatement()) {
                holder.setAutoCommit(false);
                statement.execute("LOCK TABLE s002.account IN ACCESS EXCLUSIVE MODE");
                RunSettings settings = RunSettings.defaults().withRetry(
                        new RunSettings.Retries(3, Duration.ofMillis(100), Duration.ofSeconds(1)));
                summary = new FleetRun(flotilla, settings, recorder, sleeper).run(FleetCommand.upgrade("heads"), all);
            }

            assertThat(summary.results()).extracting(TenantResult::outcome)
                    .containsExactly(Outcome.MIGRATED, Outcome.FAILED, Outcome.MIGRATED);
            TenantResult failed = summary.results().get(1);
            assertThat(failed.attempts()).isEqualTo(3);
            assertThat(failed.from()).containsExactly(R2);
            assertThat(failed.to()).containsExactly(R2);
            assertThat(failed.steps()).isEmpty();
            assertThat(failed.error()).isEqualTo("s002 (" + pg.jdbcUrl() + "): upgrade to " + R3 + " failed at"
                    + " statement 1 of 1 (" + new SampleProject(dir).file(R3) + " line 9): " + LOCK_TIMEOUT
                    + " [SQLSTATE 55P03]\n  statement: ALTER TABLE account ADD COLUMN display_name"
                    + " VARCHAR(100)\n  Everything this step did was rolled back; the target is at the revision"
                    + " before it.");
            assertThat(recorder.retries).containsExactly("s002#1", "s002#2");
            assertThat(sleeper.waits).hasSize(2);
            String row = "failed 0/1 " + LOCK_TIMEOUT;
            assertThat(history("s002", R3)).containsExactly(row, row, row);
        }
    }

    /** A schema's history rows for {@code revision}, oldest first: outcome, statements done/total, error. */
    private List<String> history(String schema, String revision) throws Exception {
        List<String> history = new ArrayList<>();
        try (Connection connection = pg.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT outcome || ' ' || statements_done || '/' || statements_total"
                     + " || ' ' || COALESCE(error, 'null') FROM " + schema + ".flotilla_history WHERE revision = '"
                     + revision + "' ORDER BY id")) {
            while (rows.next()) {
                history.add(rows.getString(1));
            }
        }
        return history;
    }

    @Test
    void twoRunsOnOneFleetAtOnceApplyEachStepExactlyOnce() throws Exception {
        TestFleet fleet = schemas(120);
        String config = "defaults:\n  lock_wait: 0\n";
        try (Flotilla first = fleet.open(config); Flotilla second = fleet.open(config)) {
            CountDownLatch start = new CountDownLatch(1);
            RunSettings settings = RunSettings.defaults().withConcurrency(3, 3);
            CompletableFuture<RunSummary> one = CompletableFuture.supplyAsync(() -> await(start,
                    () -> new FleetRun(first, settings, RunListener.NONE).run(FleetCommand.upgrade("heads"),
                            first.registry().tenants())));
            CompletableFuture<RunSummary> two = CompletableFuture.supplyAsync(() -> await(start,
                    () -> new FleetRun(second, settings, RunListener.NONE).run(FleetCommand.upgrade("heads"),
                            second.registry().tenants())));
            start.countDown();
            List<TenantResult> results = new ArrayList<>(one.get(2, TimeUnit.MINUTES).results());
            results.addAll(two.get(2, TimeUnit.MINUTES).results());

            assertThat(results).extracting(TenantResult::outcome)
                    .containsOnly(Outcome.MIGRATED, Outcome.UNCHANGED, Outcome.LOCKED);
            Map<String, Long> migrated = results.stream().filter(result -> result.outcome() == Outcome.MIGRATED)
                    .collect(Collectors.groupingBy(TenantResult::tenant, Collectors.counting()));
            assertThat(migrated).hasSize(120).allSatisfy((tenant, times) -> assertThat(times).isEqualTo(1));
            results.stream().filter(result -> result.outcome() == Outcome.LOCKED).forEach(result ->
                    assertThat(result.error()).contains("is locked by another run"));
        }
        StringBuilder applied = new StringBuilder("SELECT SUM(n) FROM (");
        for (int i = 1; i <= 120; i++) {
            applied.append(i == 1 ? "" : " UNION ALL ").append("SELECT COUNT(*) AS n FROM s%03d.flotilla_history"
                    .formatted(i)).append(" WHERE outcome = 'applied'");
        }
        assertThat(count(pg, applied + ") counts")).isEqualTo(120 * 3);
    }

    @Test
    void aServerThatIsDownOpensItsCircuitAndOnlyItsTenantsAreSkipped() throws Exception {
        TestFleet fleet = schemas(20).connectionTimeout(Duration.ofSeconds(1))
                .server("down", "url: jdbc:postgresql://127.0.0.1:1/nowhere", "user: nobody");
        for (int i = 1; i <= 6; i++) {
            fleet.tenant("{id: d%02d, server: down, schema: d%02d}".formatted(i, i));
        }
        try (Flotilla flotilla = fleet.open()) {
            TestFleet.Recorder recorder = new TestFleet.Recorder();
            RunSummary summary = new FleetRun(flotilla, RunSettings.defaults(), recorder, new TestFleet.NoWait())
                    .run(FleetCommand.upgrade("heads"), flotilla.registry().tenants());

            List<TenantResult> down = summary.results().stream().filter(result -> result.server().equals("down")).toList();
            assertThat(down.subList(0, 3)).allSatisfy(result -> {
                assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
                assertThat(result.error()).startsWith("cannot read server 'down' at jdbc:postgresql://127.0.0.1:1/nowhere:"
                        + " Connection to 127.0.0.1:1 refused.");
            });
            assertThat(down.subList(3, 6)).allSatisfy(result -> {
                assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
                assertThat(result.error()).startsWith("server unavailable: cannot read server 'down' at");
            });
            assertThat(recorder.circuits).containsExactly("pg: closed", "down: closed", "down: open");
            assertThat(summary.results()).filteredOn(result -> result.server().equals("pg"))
                    .hasSize(20).allSatisfy(result -> assertThat(result.outcome()).isEqualTo(Outcome.MIGRATED));
            assertThat(summary.elapsed()).isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    void aTenantLockedByAnotherRunIsReportedLockedAndNothingIsAppliedTwice() throws Exception {
        String r4 = "a4a4a4a4a4a4";
        new SampleProject(dir).write(r4, R3, "slow step", "SELECT pg_sleep(3);\n", "");
        try (Flotilla flotilla = schemas(3).open("defaults:\n  lock_wait: 0\n");
             Flotilla other = Flotilla.open(flotilla.config(), flotilla.options())) {
            List<Tenant> all = flotilla.registry().tenants();
            new FleetRun(flotilla, RunSettings.defaults(), RunListener.NONE).run(FleetCommand.upgrade(R3), all);
            CompletableFuture<?> slow = CompletableFuture.runAsync(() -> other.tenant("s002").upgrade("heads"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (count(pg, "SELECT COUNT(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(3)%' AND datname = '"
                    + pg.name() + "'") == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            RunSummary summary = new FleetRun(flotilla, RunSettings.defaults(), RunListener.NONE)
                    .run(FleetCommand.upgrade("heads"), all);
            slow.get(30, TimeUnit.SECONDS);

            assertThat(summary.results()).extracting(TenantResult::outcome)
                    .containsExactly(Outcome.MIGRATED, Outcome.LOCKED, Outcome.MIGRATED);
            TenantResult locked = summary.results().get(1);
            assertThat(locked.error()).contains("is locked by another run");
            assertThat(locked.to()).containsExactly(R3);
            assertThat(locked.attempts()).isEqualTo(1);
            assertThat(summary.anyFailed()).isFalse();
            assertThat(count(pg, "SELECT COUNT(*) FROM s002.flotilla_history WHERE revision = '" + r4
                    + "' AND outcome = 'applied'")).isEqualTo(1);
        }
    }

    @Test
    void aServerStoppedMidRunOpensItsCircuitAndTheOtherServerFinishes() throws Exception {
        java.net.URI uri = java.net.URI.create(pg.jdbcUrl().substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort())) {
            String proxied = pg.jdbcUrl().replace(uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()),
                    "127.0.0.1:" + proxy.port());
            TestFleet fleet = schemas(24).connectionTimeout(Duration.ofSeconds(1))
                    .server("far", "url: " + proxied, "user: " + pg.user(), "password: ${env:PG_PASSWORD:-}");
            for (int i = 13; i <= 24; i++) {
                fleet.tenant("{id: f%03d, server: far, schema: s%03d}".formatted(i, i));
            }
            try (Flotilla flotilla = fleet.open()) {
                List<Tenant> tenants = new ArrayList<>(flotilla.registry().tenants().subList(0, 12));
                tenants.addAll(flotilla.registry().tenants().subList(24, 36));
                TestFleet.Recorder recorder = new TestFleet.Recorder() {
                    @Override
                    public void runStarted(String runId, String command, int count) {
                        proxy.stop(); // after the survey read every tenant through it
                    }
                };
                RunSummary summary = new FleetRun(flotilla, RunSettings.defaults().withConcurrency(4, 2), recorder,
                        new TestFleet.NoWait()).run(FleetCommand.upgrade("heads"), tenants);

                List<TenantResult> far = summary.results().stream().filter(result -> result.server().equals("far")).toList();
                assertThat(far).extracting(TenantResult::outcome).containsOnly(Outcome.FAILED, Outcome.SKIPPED);
                assertThat(far).filteredOn(result -> result.outcome() == Outcome.SKIPPED).hasSizeGreaterThanOrEqualTo(8)
                        .allSatisfy(result -> assertThat(result.error()).startsWith("server unavailable: "));
                assertThat(recorder.circuits).contains("far: open");
                assertThat(summary.results()).filteredOn(result -> result.server().equals("pg")).hasSize(12)
                        .allSatisfy(result -> assertThat(result.outcome()).isEqualTo(Outcome.MIGRATED));
                assertThat(summary.elapsed()).isLessThan(Duration.ofSeconds(30));
            }
        }
    }

    private static RunSummary await(CountDownLatch start, java.util.function.Supplier<RunSummary> run) {
        try {
            start.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return run.get();
    }
}
