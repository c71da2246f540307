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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static dev.flotilla.cli.SampleProject.R3;
import static dev.flotilla.run.PgFleets.count;
import static dev.flotilla.run.PgFleets.fleet;
import static dev.flotilla.run.PgFleets.schemaTenants;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant provisioned while a fleet run is going waits for no more than its own work: neither from
 * another Flotilla (as another process would) nor from the same one, whose pool the run has limited to
 * its per-server bound. The fleet run goes on and migrates every one of its tenants.
 */
@DatabaseTest(DatabaseKind.POSTGRESQL)
class OnDemandBesideFleetRunTest {

    private static final String SLOW = "a4a4a4a4a4a4";
    private static final int FLEET = 24;

    @TempDir
    Path dir;

    private TestDatabase pg;

    @BeforeEach
    void database(TestDatabases databases) {
        pg = databases.createExtra(DatabaseKind.POSTGRESQL);
    }

    @Test
    void aTenantProvisionedDuringAFleetRunIsNotQueuedBehindTheFleet() throws Exception {
        // 24 tenants, two at a time, each with a 0.4 s step: the run takes at least 4.8 s
        new SampleProject(dir).write(SLOW, R3, "slow step", "SELECT pg_sleep(0.4);\n", "");
        TestFleet fleet = schemaTenants(fleet(dir, pg, "pool_size: 4"), "pg", pg,
                IntStream.rangeClosed(1, FLEET).mapToObj("s%02d"::formatted).toList());
        fleet.tenant("{id: elsewhere, server: pg, schema: elsewhere}").tenant("{id: here, server: pg, schema: here}");
        try (Flotilla flotilla = fleet.open();
             Flotilla other = Flotilla.open(flotilla.config(), flotilla.options())) {
            List<Tenant> tenants = flotilla.registry().tenants().subList(0, FLEET);
            TestFleet.Recorder recorder = new TestFleet.Recorder();
            CompletableFuture<RunSummary> run = CompletableFuture.supplyAsync(() ->
                    new FleetRun(flotilla, RunSettings.defaults().withConcurrency(2, 2), recorder)
                            .run(FleetCommand.upgrade("heads"), tenants));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (recorder.started.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }

            Duration elsewhere = timed(() -> other.tenant("elsewhere").provision());
            assertThat(run).as("the fleet run, when the other Flotilla's provision ended").isNotDone();
            Duration here = timed(() -> flotilla.tenant("here").provision());
            assertThat(run).as("the fleet run, when the same Flotilla's provision ended").isNotDone();
            RunSummary summary = run.get(60, TimeUnit.SECONDS);

            // each provision: its own 0.4 s step, and at most one fleet tenant's step to wait for a connection
            assertThat(elsewhere).isLessThan(Duration.ofMillis(2_000));
            assertThat(here).isLessThan(Duration.ofMillis(2_000));
            assertThat(summary.count(Outcome.MIGRATED)).isEqualTo(FLEET);
            for (String schema : List.of("elsewhere", "here")) {
                assertThat(count(pg, "SELECT COUNT(*) FROM " + schema + ".flotilla_history WHERE outcome = 'applied'"))
                        .as(schema).isEqualTo(4);
            }
            assertThat(flotilla.connections().activeConnections()).isZero();
        }
    }

    private static Duration timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
