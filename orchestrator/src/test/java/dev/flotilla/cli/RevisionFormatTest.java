package dev.flotilla.cli;

import dev.flotilla.cli.RevisionFormat.ScriptFacts;
import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.revision.RevisionGraph;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expected strings were produced by Alembic 1.8.1 on the same graph (see compare_with_alembic.sh),
 * with branch labels and {@code Branches into:} in our deterministic order.
 */
class RevisionFormatTest {

    //   a1 ── b2 ── c3 ──┐
    //          └── d4 ───┴─ m5 (merge)      n6 (label net, depends on b2 and label side)
    private static final List<Revision> REVISIONS = List.of(
            rev("a1", List.of(), List.of(), List.of(), "first"),
            rev("b2", List.of("a1"), List.of(), List.of(), "second"),
            rev("c3", List.of("b2"), List.of(), List.of(), "third"),
            rev("d4", List.of("b2"), List.of(), List.of("side", "extra"), "side branch"),
            rev("m5", List.of("c3", "d4"), List.of(), List.of(), "merge"),
            rev("n6", List.of(), List.of("b2", "side"), List.of("net"), ""));

    private final RevisionGraph graph = RevisionGraph.of(REVISIONS);
    private final RevisionFormat format = new RevisionFormat(graph,
            id -> new ScriptFacts("/v/" + id + ".sql", "2024-05-01 10:11:12.345678"));

    private static Revision rev(String id, List<String> down, List<String> deps, List<String> labels, String message) {
        return new Revision(id, down, deps, labels, message, null);
    }

    @Test
    void headLinesMarkHeadsAndEffectiveHeads() {
        assertThat(format.headLine(graph.get("m5"))).isEqualTo("m5 (extra, side) (head)");
        assertThat(format.headLine(graph.get("n6"))).isEqualTo("n6 (net) (head)");
        Revision dependedOn = Revision.of("x7", "m5");
        RevisionGraph withDependant = RevisionGraph.of(List.of(Revision.of("m5"), dependedOn,
                new Revision("y8", List.of(), List.of("x7"), List.of(), "", null)));
        RevisionFormat f = new RevisionFormat(withDependant, id -> new ScriptFacts("p", "d"));
        assertThat(f.headLine(dependedOn)).isEqualTo("x7 (effective head)");
    }

    @Test
    void historyLinesShowParentsDependenciesLabelsAndTreeMarks() {
        assertThat(format.historyLine(graph.get("a1"))).isEqualTo("<base> -> a1, first");
        assertThat(format.historyLine(graph.get("b2"))).isEqualTo("a1 -> b2 (branchpoint), second");
        assertThat(format.historyLine(graph.get("d4"))).isEqualTo("b2 -> d4 (extra, side), side branch");
        assertThat(format.historyLine(graph.get("m5")))
                .isEqualTo("c3, d4 -> m5 (extra, side) (head) (mergepoint), merge");
    }

    @Test
    void anEmptyMessageLeavesTheWholeDocAsTheFirstParagraphAsInAlembic() {
        assertThat(format.historyLine(graph.get("n6"))).isEqualTo("<base> (b2, side) -> n6 (net) (head),"
                + " Revision ID: n6\nRevises: \nCreate Date: 2024-05-01 10:11:12.345678");
    }

    @Test
    void logEntryHasEverySectionAlembicPrints() {
        assertThat(format.logEntry(graph.get("b2"))).isEqualTo("""
                Rev: b2 (branchpoint)
                Parent: a1
                Branches into: c3, d4
                Path: /v/b2.sql

                    second
                   \s
                    Revision ID: b2
                    Revises: a1
                    Create Date: 2024-05-01 10:11:12.345678
                """);
        assertThat(format.logEntry(graph.get("m5"))).isEqualTo("""
                Rev: m5 (head) (mergepoint)
                Merges: c3, d4
                Branch names: extra, side
                Path: /v/m5.sql

                    merge
                   \s
                    Revision ID: m5
                    Revises: c3, d4
                    Create Date: 2024-05-01 10:11:12.345678
                """);
        assertThat(format.logEntry(graph.get("n6"))).isEqualTo("""
                Rev: n6 (head)
                Parent: <base>
                Also depends on: b2, side
                Branch names: net
                Path: /v/n6.sql

                    Revision ID: n6
                    Revises:\s
                    Create Date: 2024-05-01 10:11:12.345678
                """);
    }

    @Test
    void branchBlockIndentsEachChildUnderTheBranchPoint() {
        assertThat(format.branchBlock(graph.get("b2"), false)).isEqualTo("""
                b2 (branchpoint)
                   -> c3
                   -> d4 (extra, side)
                """);
        assertThat(format.branchBlock(graph.get("b2"), true)).endsWith("""
                    Create Date: 2024-05-01 10:11:12.345678

                   -> c3, third
                   -> d4 (extra, side), side branch
                """);
    }
}
