package dev.flotilla.run;

import dev.flotilla.Flotilla;
import dev.flotilla.cli.SampleProject;
import dev.flotilla.engine.revision.Step;
import dev.flotilla.registry.Tenant;
import dev.flotilla.registry.select.Selection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static dev.flotilla.cli.SampleProject.R1;
import static dev.flotilla.cli.SampleProject.R2;
import static dev.flotilla.cli.SampleProject.R3;
import static org.assertj.core.api.Assertions.assertThat;

/** Fleet runs over SQLite files: outcomes, the failure budget, canaries, waves and dry runs. */
class FleetRunSqliteTest {

    @TempDir
    Path dir;

    private Flotilla fleet(int tenants, String extraConfig) {
        TestFleet fleet = new TestFleet(dir).server("files", "url: jdbc:sqlite:data/${tenant.id}.db");
        for (int i = 1; i <= tenants; i++) {
            String tags = i <= 2 ? "[canary]" : i <= 6 ? "[gold]" : "[]";
            fleet.tenant("{id: t%02d, server: files, tags: %s}".formatted(i, tags));
        }
        return fleet.open(extraConfig);
    }

    /** Makes a tenant's first step fail for good: its file already has the table that step creates. */
    private void conflictingTable(String tenant) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/" + tenant + ".db"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE account (id INTEGER)");
        }
    }

    /**
     * Stands in for another run holding a tenant's lock: a write transaction on its file (not an exclusive
     * one, so that the survey can still read the file), under which no run can take its exclusive lock.
     * Closing the connection releases it.
     */
    private Connection heldLock(String tenant) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/" + tenant + ".db"));
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
        }
        return connection;
    }

    /**
     * The run stopped for {@code reason}, and the tenants from index {@code from} to {@code to} (exclusive)
     * were skipped for it without an attempt.
     */
    private static void assertStoppedSkipping(RunSummary summary, int from, int to, String reason) {
        assertThat(summary.results().subList(from, to)).allSatisfy(result -> {
            assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(result.error()).isEqualTo(reason);
            assertThat(result.attempts()).isZero();
        });
        assertThat(summary.stopReason()).contains(reason);
    }

    private static Map<String, Outcome> outcomes(RunSummary summary) {
        return summary.results().stream().collect(Collectors.toMap(TenantResult::tenant, TenantResult::outcome));
    }

    private static RunSettings settings() {
        return RunSettings.defaults().withConcurrency(4, 4);
    }

    @Test
    void everyTenantReachesHeadAndASecondRunChangesNothing() {
        try (Flotilla flotilla = fleet(12, "")) {
            List<Tenant> all = flotilla.registry().tenants();
            TestFleet.Recorder recorder = new TestFleet.Recorder();
            RunSummary first = new FleetRun(flotilla, settings(), recorder).run(FleetCommand.upgrade("heads"), all);
            assertThat(first.count(Outcome.MIGRATED)).isEqualTo(12);
            assertThat(first.results()).extracting(TenantResult::tenant).isEqualTo(all.stream().map(Tenant::id).toList());
            assertThat(first.results()).allSatisfy(result -> {
                assertThat(result.from()).isEmpty();
                assertThat(result.to()).containsExactly(R3);
                assertThat(result.steps()).containsExactly(R1, R2, R3);
                assertThat(result.attempts()).isEqualTo(1);
            });
            assertThat(recorder.finished).hasSize(12);
            assertThat(recorder.circuits).containsExactly("files: closed");
            assertThat(SampleProject.column("jdbc:sqlite:" + dir.resolve("data/t07.db"),
                    "SELECT DISTINCT run_id FROM flotilla_history")).containsExactly(first.runId());
            assertThat(first.anyFailed()).isFalse();
            assertThat(first.interrupted()).isFalse();
            assertThat(first.stopReason()).isEmpty();

            TestFleet.Recorder again = new TestFleet.Recorder();
            RunSummary second = new FleetRun(flotilla, settings(), again).run(FleetCommand.upgrade("heads"), all);
            assertThat(second.count(Outcome.UNCHANGED)).isEqualTo(12);
            assertThat(second.results()).allSatisfy(result -> assertThat(result.attempts()).isZero());
            assertThat(again.started).isEmpty(); // no tenant was locked or written
            assertThat(flotilla.connections().activeConnections()).isZero();
            assertThat(SampleProject.column("jdbc:sqlite:" + dir.resolve("data/t05.db"),
                    "SELECT COUNT(*) FROM flotilla_history")).containsExactly("3");
        }
    }

    @Test
    void exactlyTheTenantsWithAConflictingTableFailOnceAndTheRestReachHead() throws Exception {
        try (Flotilla flotilla = fleet(12, "")) {
            conflictingTable("t03");
            conflictingTable("t08");
            TestFleet.NoWait sleeper = new TestFleet.NoWait();
            RunSummary summary = new FleetRun(flotilla, settings(), RunListener.NONE, sleeper)
                    .run(FleetCommand.upgrade("heads"), flotilla.registry().tenants());
            assertThat(summary.results()).filteredOn(result -> result.outcome() == Outcome.FAILED)
                    .extracting(TenantResult::tenant).containsExactly("t03", "t08");
            TenantResult failed = summary.results().get(2);
            assertThat(failed.attempts()).isEqualTo(1); // a permanent error is not retried
            assertThat(failed.firstErrorLine()).contains("upgrade to " + R1 + " failed at statement 1 of 1")
                    .contains("already exists");
            assertThat(sleeper.waits).isEmpty();
            assertThat(summary.count(Outcome.MIGRATED)).isEqualTo(10);
            assertThat(summary.anyFailed()).isTrue();
        }
    }

    @Test
    void theFailureBudgetStopsSchedulingAndTheRestAreSkipped() throws Exception {
        try (Flotilla flotilla = fleet(12, "")) {
            conflictingTable("t02");
            conflictingTable("t04");
            conflictingTable("t09");
            RunSummary summary = new FleetRun(flotilla, settings().withConcurrency(1, 1).withMaxFailures(2),
                    RunListener.NONE).run(FleetCommand.upgrade("heads"), flotilla.registry().tenants());
            Map<String, Outcome> outcomes = outcomes(summary);
            assertThat(outcomes).containsEntry("t01", Outcome.MIGRATED).containsEntry("t02", Outcome.FAILED)
                    .containsEntry("t03", Outcome.MIGRATED).containsEntry("t04", Outcome.FAILED);
            assertStoppedSkipping(summary, 4, 12, "failure budget of 2 reached");
            assertThat(dir.resolve("data/t05.db")).doesNotExist();
        }
    }

    @Test
    void theFailureBudgetLetsATenantInFlightFinishAndSkipsTheTenantsNotStarted() throws Exception {
        try (Flotilla flotilla = fleet(8, "")) {
            conflictingTable("t02");
            CountDownLatch t02Ended = new CountDownLatch(1);
            AtomicBoolean t01WaitedForIt = new AtomicBoolean();
            RunListener holdT01 = new RunListener() {
                @Override
                public void stepStarted(String tenant, String server, Step step) {
                    if (tenant.equals("t01") && step.revision().id().equals(R1)) {
                        try {
                            t01WaitedForIt.set(t02Ended.await(30, TimeUnit.SECONDS));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }

                @Override
                public void tenantFinished(TenantResult result) {
                    if (result.tenant().equals("t02")) {
                        t02Ended.countDown(); // the budget was spent before the listener heard of it
                    }
                }
            };
            RunSummary summary = new FleetRun(flotilla, settings().withConcurrency(2, 2).withMaxFailures(1), holdT01)
                    .run(FleetCommand.upgrade("heads"), flotilla.registry().tenants());

            assertThat(t01WaitedForIt).isTrue(); // t01 was in its first step when t02 spent the budget
            TenantResult t01 = summary.results().get(0);
            assertThat(t01.outcome()).isEqualTo(Outcome.MIGRATED);
            assertThat(t01.steps()).containsExactly(R1, R2, R3);
            assertThat(summary.results().get(1).outcome()).isEqualTo(Outcome.FAILED);
            assertStoppedSkipping(summary, 2, 8, "failure budget of 1 reached");
            assertThat(dir.resolve("data/t03.db")).doesNotExist();
        }
    }

    @Test
    void aFailedCanaryStopsTheRest() throws Exception {
        try (Flotilla flotilla = fleet(8, "")) {
            conflictingTable("t02");
            RunSummary summary = new FleetRun(flotilla, settings().withCanary(0, "canary"), RunListener.NONE)
                    .run(FleetCommand.upgrade("heads"), flotilla.registry().tenants());
            assertThat(outcomes(summary)).containsEntry("t01", Outcome.MIGRATED).containsEntry("t02", Outcome.FAILED);
            assertStoppedSkipping(summary, 2, 8, "canary failed");
            assertThat(summary.count(Outcome.SKIPPED)).isEqualTo(6);
        }
    }

    @Test
    void aTaggedCanaryThatFailsBeforeItCouldRunStopsTheRest() throws Exception {
        try (Flotilla flotilla = fleet(8, "")) {
            Files.createDirectories(dir.resolve("data"));
            Files.writeString(dir.resolve("data/t02.db"), "not a database, though its name says so\n".repeat(200));
            RunSummary summary = new FleetRun(flotilla, settings().withCanary(0, "canary"), RunListener.NONE)
                    .run(FleetCommand.upgrade("heads"), flotilla.registry().tenants());

            // t02 is unreadable, so it ends failed before the canary phase; t01, the other canary, still runs
            assertThat(outcomes(summary)).containsEntry("t01", Outcome.MIGRATED).containsEntry("t02", Outcome.FAILED);
            assertStoppedSkipping(summary, 2, 8, "canary failed");
        }
    }

    @Test
    void aFailureAmongTheFirstNCanariesStopsTheRest() throws Exception {
        try (Flotilla flotilla = fleet(8, "")) {
            conflictingTable("t02");
            RunSummary summary = new FleetRun(flotilla, settings().withCanary(2, null), RunListener.NONE)
                    .run(FleetCommand.upgrade("heads"), flotilla.registry().tenants());
            assertThat(outcomes(summary)).containsEntry("t01", Outcome.MIGRATED).containsEntry("t02", Outcome.FAILED);
            assertStoppedSkipping(summary, 2, 8, "canary failed");
            assertThat(dir.resolve("data/t03.db")).doesNotExist();
        }
    }

    @Test
    void aCanaryLockedByAnotherRunStopsTheRestWithAReasonThatSaysSo() throws Exception {
        try (Flotilla flotilla = fleet(8, "defaults:\n  lock_wait: 0\n"); Connection holder = heldLock("t01")) {
            RunSummary summary = new FleetRun(flotilla, settings().withCanary(1, null), RunListener.NONE)
                    .run(FleetCommand.upgrade("heads"), flotilla.registry().tenants());
            TenantResult canary = summary.results().get(0);
            assertThat(canary.outcome()).isEqualTo(Outcome.LOCKED);
            assertThat(summary.anyFailed()).isFalse();
            assertStoppedSkipping(summary, 1, 8, "canary did not succeed: t01 locked");
            assertThat(dir.resolve("data/t02.db")).doesNotExist();
        }
    }

    @Test
    void canariesGoFirstThenWavesInTagOrderThenTheRest() {
        try (Flotilla flotilla = fleet(10, "")) {
            TestFleet.Recorder recorder = new TestFleet.Recorder();
            List<Tenant> reversed = new java.util.ArrayList<>(flotilla.registry().tenants());
            java.util.Collections.reverse(reversed);
            RunSettings settings = settings().withConcurrency(1, 1).withCanary(1, null).withWaves(List.of("gold"));
            RunSummary summary = new FleetRun(flotilla, settings, recorder).run(FleetCommand.upgrade("heads"), reversed);
            assertThat(summary.count(Outcome.MIGRATED)).isEqualTo(10);
            // t10 is the first of the selection (the canary), then the gold wave, then the rest, each in selection order
            assertThat(recorder.started).containsExactly("t10", "t06", "t05", "t04", "t03", "t09", "t08", "t07", "t02", "t01");
        }
    }

    @Test
    void aWaveWithAFailureStopsTheWavesAfterIt() throws Exception {
        try (Flotilla flotilla = fleet(8, "")) {
            conflictingTable("t04");
            RunSummary summary = new FleetRun(flotilla, settings().withWaves(List.of("gold", "canary")), RunListener.NONE)
                    .run(FleetCommand.upgrade("heads"), flotilla.registry().tenants());
            Map<String, Outcome> outcomes = outcomes(summary);
            assertThat(outcomes).containsEntry("t03", Outcome.MIGRATED).containsEntry("t04", Outcome.FAILED)
                    .containsEntry("t05", Outcome.MIGRATED).containsEntry("t06", Outcome.MIGRATED)
                    .containsEntry("t01", Outcome.SKIPPED).containsEntry("t08", Outcome.SKIPPED);
            assertThat(summary.stopReason()).contains("wave 'gold' had failures");
        }
    }

    @Test
    void aWaveWithALockedTenantStopsTheWavesAfterItAsACanaryWould() throws Exception {
        try (Flotilla flotilla = fleet(8, "defaults:\n  lock_wait: 0\n"); Connection holder = heldLock("t04")) {
            RunSummary summary = new FleetRun(flotilla, settings().withWaves(List.of("gold")), RunListener.NONE)
                    .run(FleetCommand.upgrade("heads"), flotilla.registry().tenants());
            assertThat(summary.results()).extracting(TenantResult::outcome).containsExactly(Outcome.SKIPPED,
                    Outcome.SKIPPED, Outcome.MIGRATED, Outcome.LOCKED, Outcome.MIGRATED, Outcome.MIGRATED,
                    Outcome.SKIPPED, Outcome.SKIPPED);
            assertThat(summary.results()).filteredOn(result -> result.outcome() == Outcome.SKIPPED)
                    .extracting(TenantResult::error).containsOnly("wave 'gold' did not succeed: t04 locked");
        }
    }

    @Test
    void anApplicationRunsAFleetFromFlotillaAsTheDocsShow() {
        try (Flotilla flotilla = fleet(5, "defaults:\n  concurrency: 2\n  max_failures: 10\n")) {
            RunSettings settings = RunSettings.from(flotilla.config().defaults());
            assertThat(settings.concurrency()).isEqualTo(2);
            assertThat(settings.maxFailures()).isEqualTo(10);
            RunSummary summary = flotilla.fleetRun(settings, RunListener.NONE)
                    .run(FleetCommand.upgrade("heads"), flotilla.select(Selection.everyTenant()));
            assertThat(summary.command()).isEqualTo("upgrade");
            assertThat(summary.target()).isEqualTo("heads");
            assertThat(summary.count(Outcome.MIGRATED)).isEqualTo(5);
            assertThat(summary.elapsed()).isPositive();
        }
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheRun() {
        try (Flotilla flotilla = fleet(4, "")) {
            RunListener broken = new RunListener() {
                @Override
                public void tenantStarted(String tenant, String server) {
                    throw new IllegalStateException("the progress display broke");
                }
            };
            RunSummary summary = new FleetRun(flotilla, settings(), broken)
                    .run(FleetCommand.upgrade("heads"), flotilla.registry().tenants());
            assertThat(summary.count(Outcome.MIGRATED)).isEqualTo(4);
        }
    }

    @Test
    void aDryRunPlansEachTenantAndChangesNothing() {
        try (Flotilla flotilla = fleet(4, "")) {
            List<Tenant> all = flotilla.registry().tenants();
            new FleetRun(flotilla, settings(), RunListener.NONE).run(FleetCommand.upgrade(R2), all.subList(0, 1));
            RunSummary plan = new FleetRun(flotilla, settings().withDryRun(true), RunListener.NONE)
                    .run(FleetCommand.upgrade("heads"), all);
            assertThat(plan.results()).extracting(TenantResult::outcome).containsOnly(Outcome.PLANNED);
            assertThat(plan.results().get(0).from()).containsExactly(R2);
            assertThat(plan.results().get(0).steps()).containsExactly(R3);
            assertThat(plan.results().get(1).steps()).containsExactly(R1, R2, R3);
            assertThat(plan.results().get(1).to()).containsExactly(R3);
            assertThat(dir.resolve("data/t02.db")).doesNotExist();
        }
    }

    @Test
    void downgradeAndStampPlanFromEachTenantsOwnRevisions() {
        try (Flotilla flotilla = fleet(3, "")) {
            List<Tenant> all = flotilla.registry().tenants();
            new FleetRun(flotilla, settings(), RunListener.NONE).run(FleetCommand.upgrade("heads"), all.subList(0, 2));
            RunSummary down = new FleetRun(flotilla, settings(), RunListener.NONE).run(FleetCommand.downgrade("-1"),
                    all.subList(0, 2));
            assertThat(down.results()).allSatisfy(result -> {
                assertThat(result.outcome()).isEqualTo(Outcome.MIGRATED);
                assertThat(result.to()).containsExactly(R2);
                assertThat(result.steps()).containsExactly(R3);
            });
            RunSummary stamp = new FleetRun(flotilla, settings(), RunListener.NONE)
                    .run(FleetCommand.stamp(List.of(R2), false), all);
            assertThat(stamp.results()).extracting(TenantResult::outcome)
                    .containsExactly(Outcome.UNCHANGED, Outcome.UNCHANGED, Outcome.MIGRATED);
        }
    }
}
