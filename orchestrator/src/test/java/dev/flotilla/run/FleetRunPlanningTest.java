package dev.flotilla.run;

import dev.flotilla.Flotilla;
import dev.flotilla.registry.Tenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static dev.flotilla.cli.SampleProject.R3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The read a run plans from: a tenant already at the target is left alone without its lock, so one that
 * is dirty at its target must never be taken for unchanged, whether its unfinished row is an old failure
 * under newer rows or a running row no run holds.
 */
class FleetRunPlanningTest {

    @TempDir
    Path dir;

    private Flotilla fleet() {
        TestFleet fleet = new TestFleet(dir).server("files", "url: jdbc:sqlite:data/${tenant.id}.db");
        for (String id : List.of("a", "b", "c", "d")) {
            fleet.tenant("{id: " + id + ", server: files}");
        }
        return fleet.open("");
    }

    private void history(String tenant, String outcome, String error) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/" + tenant + ".db"));
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO flotilla_history (run_id, revision, direction, started_at, outcome,"
                    + " statements_done, statements_total, error, applied_by) VALUES ('run-x', '" + R3 + "',"
                    + " 'downgrade', '2024-05-01 10:00:00', '" + outcome + "', 1, 2, "
                    + (error == null ? "NULL" : "'" + error + "'") + ", 'tester')");
        }
    }

    @Test
    void aTenantAtTheTargetThatIsDirtyFailsAndTheOthersAreLeftAloneWithoutTheirLocks() throws Exception {
        try (Flotilla flotilla = fleet()) {
            List<Tenant> all = flotilla.registry().tenants();
            RunSummary first = new FleetRun(flotilla, RunSettings.defaults(), RunListener.NONE)
                    .run(FleetCommand.upgrade("heads"), all);
            assertThat(first.count(Outcome.MIGRATED)).isEqualTo(4);
            history("b", "dirty", "half a downgrade");
            history("b", "failed", "a later attempt, rolled back"); // newer, but b stays dirty
            history("c", "running", null);                          // no run holds c's lock

            TestFleet.Recorder recorder = new TestFleet.Recorder();
            RunSummary again = new FleetRun(flotilla, RunSettings.defaults(), recorder)
                    .run(FleetCommand.upgrade("heads"), all);

            assertThat(again.results()).extracting(TenantResult::tenant, TenantResult::outcome).containsExactly(
                    tuple("a", Outcome.UNCHANGED),
                    tuple("b", Outcome.FAILED),
                    tuple("c", Outcome.FAILED),
                    tuple("d", Outcome.UNCHANGED));
            assertThat(again.results().get(1).error()).isEqualTo("tenant 'b' is dirty: the downgrade of revision "
                    + R3 + " failed after statement 1 of 2 completed; the error was: half a downgrade. Nothing will"
                    + " migrate it until it is repaired: check the database, then run 'repair --tenant b --resume' (run"
                    + " the remaining statements), 'repair --tenant b --mark-applied' (you finished the step by hand) or"
                    + " 'repair --tenant b --mark-not-applied' (you undid it).");
            assertThat(again.results().get(2).error()).startsWith("tenant 'c' is dirty: the downgrade of revision "
                    + R3 + " was interrupted (the process died or lost its connection) after statement 1 of 2");
            assertThat(recorder.started).isEmpty(); // nobody was locked or written
            assertThat(flotilla.connections().activeConnections()).isZero();
        }
    }
}
