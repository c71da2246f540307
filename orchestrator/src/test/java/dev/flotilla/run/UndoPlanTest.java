package dev.flotilla.run;

import dev.flotilla.engine.EngineException;
import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.revision.RevisionGraph;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How {@link FleetCommand#undo} plans each tenant: back to where the run found it, or not at all. */
class UndoPlanTest {

    /** root → left, root → right, merged by merge, then top; and a second history: core1 → core2. */
    private static final RevisionGraph GRAPH = RevisionGraph.of(List.of(rev("root"), rev("left", "root"),
            rev("right", "root"), rev("merge", "left", "right"), rev("top", "merge"), rev("core1"), rev("core2", "core1")));

    private static Revision rev(String id, String... down) {
        return new Revision(id, List.of(down), List.of(), List.of(), "msg " + id, "versions/" + id + ".sql");
    }

    private static FleetCommand undo(String tenant, Undo undo) {
        return FleetCommand.undo("run-1", Map.of(tenant, undo));
    }

    @Test
    void aTenantWhereTheRunLeftItGoesBackToWhereTheRunFoundIt() {
        FleetCommand command = undo("t1", new Undo(List.of("root"), List.of("top"),
                List.of("left", "right", "merge", "top")));

        FleetCommand.Planned planned = command.plan(GRAPH, "t1", List.of("top"));

        assertThat(planned.steps()).extracting(step -> step.revision().id())
                .containsExactlyInAnyOrder("top", "merge", "right", "left").startsWith("top", "merge");
        assertThat(planned.after()).containsExactly("root");
        assertThat(planned.changes()).isTrue();
    }

    @Test
    void aTenantTheRunFoundAtBaseGoesBackToBase() {
        FleetCommand command = undo("t1", new Undo(List.of(), List.of("core2"), List.of("core1", "core2")));

        FleetCommand.Planned planned = command.plan(GRAPH, "t1", List.of("core2"));

        assertThat(planned.steps()).extracting(step -> step.revision().id()).containsExactly("core2", "core1");
        assertThat(planned.after()).isEmpty();
    }

    @Test
    void aTenantFoundAtTwoRevisionsThatTheRunMergedGoesBackToBoth() {
        FleetCommand command = undo("t1", new Undo(List.of("left", "right"), List.of("merge"), List.of("merge")));

        FleetCommand.Planned planned = command.plan(GRAPH, "t1", List.of("merge"));

        assertThat(planned.steps()).extracting(step -> step.revision().id()).containsExactly("merge");
        assertThat(planned.after()).containsExactlyInAnyOrder("left", "right");
    }

    @Test
    void aTenantAlreadyBackHasNothingToDo() {
        FleetCommand command = undo("t1", new Undo(List.of("root"), List.of("top"),
                List.of("left", "right", "merge", "top")));

        FleetCommand.Planned planned = command.plan(GRAPH, "t1", List.of("root"));

        assertThat(planned.steps()).isEmpty();
        assertThat(planned.changes()).isFalse();
    }

    @Test
    void aTenantMovedSinceTheRunIsRefused() {
        FleetCommand command = undo("t1", new Undo(List.of(), List.of("core2"), List.of("core1", "core2")));

        assertThatThrownBy(() -> command.plan(GRAPH, "t1", List.of("core1")))
                .isInstanceOf(EngineException.class)
                .hasMessage("it is at core1 now, not at core2 where run run-1 left it: something moved it since, so"
                        + " the undo leaves it alone");
    }

    @Test
    void revisionsNoSingleDowngradeReachesAreLeftToAPerson() {
        FleetCommand command = undo("t1", new Undo(List.of("left", "core1"), List.of("top", "core2"),
                List.of("right", "merge", "top", "core2")));

        assertThatThrownBy(() -> command.plan(GRAPH, "t1", List.of("top", "core2")))
                .hasMessage("no downgrade takes it from top, core2 back to exactly left, core1, where run run-1 found it"
                        + " (a downgrade to several revisions at once is not supported); take it back by hand:"
                        + " flotilla downgrade --tenant t1 REV");
    }

    @Test
    void aRunThatAlsoAppliedAnotherBranchIsLeftToAPerson() {
        // Downgrading to left takes back merge and top but keeps right, which the run applied too.
        FleetCommand command = undo("t1", new Undo(List.of("left"), List.of("top"), List.of("right", "merge", "top")));

        assertThatThrownBy(() -> command.plan(GRAPH, "t1", List.of("top")))
                .hasMessage("no downgrade takes it from top back to exactly left, where run run-1 found it; take it"
                        + " back by hand: flotilla downgrade --tenant t1 REV");
    }

    @Test
    void aDowngradeThatWouldTakeBackOtherStepsThanTheRunAppliedIsRefused() {
        FleetCommand command = undo("t1", new Undo(List.of(), List.of("core2"), List.of("core2")));

        assertThatThrownBy(() -> command.plan(GRAPH, "t1", List.of("core2")))
                .hasMessage("going back to <base> would take back core2, core1, but run run-1 applied core2; take it"
                        + " back by hand: flotilla downgrade --tenant t1 REV");
    }

    @Test
    void aTenantTheRunDidNotMoveHasNothingToUndo() {
        FleetCommand command = undo("t1", new Undo(List.of(), List.of("core2"), List.of("core1", "core2")));

        assertThatThrownBy(() -> command.plan(GRAPH, "t9", List.of("core2")))
                .hasMessage("run run-1 did not move it, so there is nothing to undo");
    }

    @Test
    void theUndoIsADowngradeWhoseTargetNamesTheRun() {
        FleetCommand command = undo("t1", new Undo(List.of(), List.of("core1"), List.of("core1")));

        assertThat(command.name()).isEqualTo("downgrade");
        assertThat(command.target()).isEqualTo("--undo run-1");
    }
}
