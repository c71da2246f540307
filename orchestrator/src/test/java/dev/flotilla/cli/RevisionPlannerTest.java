package dev.flotilla.cli;

import dev.flotilla.engine.EngineException;
import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.revision.RevisionGraph;
import dev.flotilla.engine.script.NewRevision;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RevisionPlannerTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:11:12Z");
    private final RevisionPlanner planner = new RevisionPlanner(Clock.fixed(NOW, ZoneOffset.UTC), new Random(1));

    private static final RevisionGraph TWO_HEADS = RevisionGraph.of(List.of(
            Revision.of("aaa1"),
            new Revision("bbb2", List.of("aaa1"), List.of(), List.of("main"), "", null),
            new Revision("ccc3", List.of("aaa1"), List.of(), List.of("side"), "", null)));

    private static RevisionRequest request(String revId, List<String> heads, boolean splice, List<String> dependsOn) {
        return new RevisionRequest(revId, "msg", heads, splice, List.of(), dependsOn);
    }

    @Test
    void generatedIdsAreTwelveLowerCaseHexDigits() {
        for (int i = 0; i < 100; i++) {
            assertThat(planner.newId()).matches("[0-9a-f]{12}");
        }
    }

    @Test
    void theFirstRevisionIsABaseStampedWithTheClock() {
        NewRevision spec = planner.plan(RevisionGraph.of(List.of()), request("aaa1", List.of("head"), false, List.of()));
        assertThat(spec).isEqualTo(new NewRevision("aaa1", List.of(), List.of(), List.of(), "msg",
                OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC)));
    }

    @Test
    void headIsRefusedWhenThereAreSeveralAndTheMessageListsThem() {
        assertThatThrownBy(() -> planner.plan(TWO_HEADS, request("x", List.of("head"), false, List.of())))
                .isInstanceOf(EngineException.class)
                .hasMessage("""
                        Multiple heads are present; please specify the head revision on which the new revision\
                         should be based, or perform a merge.
                          bbb2 (main)
                          ccc3 (side)
                        Pass --head REV (or --head LABEL@head), or merge them with `flotilla merge -m MESSAGE heads`.""");
    }

    @Test
    void aLabelAtHeadOrBaseChoosesTheParent() {
        assertThat(planner.plan(TWO_HEADS, request("x", List.of("side@head"), false, List.of())).downRevisions())
                .containsExactly("ccc3");
        assertThat(planner.plan(TWO_HEADS, request("x", List.of("base"), false, List.of())).downRevisions()).isEmpty();
        assertThat(planner.plan(TWO_HEADS, request("x", List.of("heads"), false, List.of())).downRevisions())
                .containsExactly("bbb2", "ccc3");
    }

    @Test
    void dependenciesKeepBranchLabelsAndExpandPartialIds() {
        NewRevision spec = planner.plan(TWO_HEADS, request("x", List.of("bbb2"), false, List.of("side", "aaa")));
        assertThat(spec.dependsOn()).containsExactly("side", "aaa1");
    }

    @Test
    void dependingOnBaseIsRefused() {
        assertThatThrownBy(() -> planner.plan(TWO_HEADS, request("x", List.of("bbb2"), false, List.of("base"))))
                .hasMessageStartingWith("--depends-on base names no revision");
    }

    @Test
    void spliceAllowsAParentThatIsNotAHead() {
        assertThatThrownBy(() -> planner.plan(TWO_HEADS, request("x", List.of("aaa1"), false, List.of())))
                .hasMessage("Revision aaa1 is not a head revision; please specify --splice to create a new"
                        + " branch from this revision");
        assertThat(planner.plan(TWO_HEADS, request("x", List.of("aaa1"), true, List.of())).downRevisions())
                .containsExactly("aaa1");
    }
}
