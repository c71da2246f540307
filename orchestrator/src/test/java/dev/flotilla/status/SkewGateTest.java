package dev.flotilla.status;

import dev.flotilla.engine.migrate.HistoryEntry.Outcome;
import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.revision.RevisionException;
import dev.flotilla.engine.revision.RevisionGraph;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The deploy gates: which tenants each one names, and why. */
class SkewGateTest {

    private final SkewReport report = new Fleets()
            .at("both", "c", "x").at("main", "c").at("old", "a").at("later", "x", "zz9")
            .dirty("broken", Fleets.step("c", Outcome.DIRTY, 1, 2, "boom"), "b", "x")
            .uninitialized("none").unreachable("gone", "refused").report();

    @Test
    void failOnSkewNamesEveryTenantThatIsNotCurrent() {
        assertThat(new FailOnSkew().failures(report)).containsExactly(
                "main: behind (1 step to heads)",
                "old: behind (3 steps to heads)",
                "later: ahead: at zz9, which the scripts do not have (migrated by a newer release?)",
                "broken: dirty: the upgrade of c failed after statement 1 of 2: boom",
                "none: uninitialized (4 steps to heads)",
                "gone: unreachable: refused");
        assertThat(new FailOnSkew().failures(new Fleets().at("both", "c", "x").report())).isEmpty();
    }

    @Test
    void minRevisionPassesTenantsAtOrAboveItOnItsBranchOnly() {
        MinRevision gate = new MinRevision(Fleets.TWO_HEADS, "b");
        assertThat(gate.option()).isEqualTo("--min-revision b");
        assertThat(gate.failures(report)).containsExactly(
                "old: lacks b (at a)",
                "later: lacks b (at x, zz9)",
                "broken: dirty: the upgrade of c failed after statement 1 of 2: boom",
                "none: uninitialized (4 steps to heads)",
                "gone: unreachable: refused");
        assertThat(new MinRevision(Fleets.TWO_HEADS, "x").failures(new Fleets().at("main", "c").at("t", "x").report()))
                .containsExactly("main: lacks x (at c)");
    }

    @Test
    void minRevisionFollowsDependsOn() {
        RevisionGraph graph = RevisionGraph.of(List.of(Revision.of("a"), Revision.of("x"),
                new Revision("b", List.of("a"), List.of("x"), List.of(), "", null)));
        assertThat(new MinRevision(graph, "x").failures(new Fleets().at("t", "b").at("u", "a").report(graph)))
                .containsExactly("u: lacks x (at a)");
    }

    @Test
    void minRevisionRefusesARevisionTheScriptsLackAndBase() {
        assertThatThrownBy(() -> new MinRevision(Fleets.TWO_HEADS, "nope")).isInstanceOf(RevisionException.class)
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> new MinRevision(Fleets.TWO_HEADS, "base")).isInstanceOf(RevisionException.class)
                .hasMessage("--min-revision base holds for every tenant; name a revision");
    }

    @Test
    void maxBehindNamesTenantsFurtherBehindAndTheOnesNobodyCanVouchFor() {
        assertThat(new MaxBehind(3).failures(report)).containsExactly(
                "broken: dirty: the upgrade of c failed after statement 1 of 2: boom",
                "none: uninitialized (4 steps to heads)",
                "gone: unreachable: refused");
        assertThat(new MaxBehind(0).failures(new Fleets().at("both", "c", "x").at("later", "x", "zz9").report())).isEmpty();
        assertThatThrownBy(() -> new MaxBehind(-1)).hasMessage("--max-behind must be 0 or more, found -1");
    }
}
