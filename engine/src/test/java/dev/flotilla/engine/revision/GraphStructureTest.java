package dev.flotilla.engine.revision;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.flotilla.engine.revision.Graphs.dependent;
import static dev.flotilla.engine.revision.Graphs.labelled;
import static dev.flotilla.engine.revision.Graphs.rev;
import static org.assertj.core.api.Assertions.assertThat;

/** Heads, bases, branch points, merge points, effective heads and label inheritance. */
class GraphStructureTest {

    /** a → b, a → c (branch point a), b + c → m (merge), m → n */
    private static RevisionGraph diamond() {
        return RevisionGraph.of(List.of(rev("aaaa"), rev("bbbb", "aaaa"), rev("cccc", "aaaa"),
                rev("mmmm", "bbbb", "cccc"), rev("nnnn", "mmmm")));
    }

    @Test
    void heads_bases_branch_points_and_merge_points() {
        RevisionGraph g = diamond();
        assertThat(g.heads()).containsExactly("nnnn");
        assertThat(g.bases()).containsExactly("aaaa");
        assertThat(g.isBranchPoint("aaaa")).isTrue();
        assertThat(g.nextRevisions("aaaa")).containsExactly("bbbb", "cccc");
        assertThat(g.find("mmmm").orElseThrow().isMergePoint()).isTrue();
        assertThat(g.isHead("nnnn")).isTrue();
        assertThat(g.isHead("mmmm")).isFalse();
    }

    @Test
    void a_revision_only_depended_on_is_a_head_but_not_an_effective_head() {
        RevisionGraph g = RevisionGraph.of(List.of(rev("aaaa"), rev("xxxx"), dependent("yyyy", List.of("xxxx"),
                List.of("aaaa"))));
        assertThat(g.heads()).containsExactly("aaaa", "yyyy");
        assertThat(g.resolvedHeads()).containsExactly("yyyy");
        assertThat(g.isResolvedHead("aaaa")).isFalse();
        assertThat(g.dependencies("yyyy")).containsExactly("aaaa");
    }

    @Test
    void depends_on_a_label_resolves_to_the_revision_that_declares_it() {
        RevisionGraph g = RevisionGraph.of(List.of(labelled("aaaa", "core"), rev("bbbb", "aaaa"), rev("xxxx"),
                dependent("yyyy", List.of("xxxx"), List.of("core"))));
        assertThat(g.dependencies("yyyy")).containsExactly("aaaa");
        assertThat(new Planner(g).upgrade(List.of(), "yyyy")).extracting(s -> s.revision().id())
                .containsExactly("aaaa", "xxxx", "yyyy");
    }

    @Test
    void a_label_spreads_to_descendants_and_up_to_the_nearest_branch_point() {
        // aaaa → bbbb → cccc(label hot) → dddd, and aaaa → zzzz: aaaa is a branch point
        RevisionGraph g = RevisionGraph.of(List.of(rev("aaaa"), rev("bbbb", "aaaa"), labelled("cccc", "hot", "bbbb"),
                rev("dddd", "cccc"), rev("zzzz", "aaaa")));
        assertThat(g.branchLabels("dddd")).containsExactly("hot");
        assertThat(g.branchLabels("cccc")).containsExactly("hot");
        assertThat(g.branchLabels("bbbb")).containsExactly("hot");
        assertThat(g.branchLabels("aaaa")).isEmpty();
        assertThat(g.branchLabels("zzzz")).isEmpty();
    }

    @Test
    void revisions_keep_the_order_they_were_given_in() {
        RevisionGraph g = RevisionGraph.of(List.of(rev("zzzz"), rev("aaaa", "zzzz")));
        assertThat(g.revisions()).extracting(Revision::id).containsExactly("zzzz", "aaaa");
    }

    @Test
    void version_rows_follow_a_branch_and_its_merge() {
        RevisionGraph g = diamond();
        VersionRows rows = new VersionRows(g, List.of());
        List<VersionRowChange> changes = new Planner(g).upgrade(List.of(), "heads").stream()
                .flatMap(s -> rows.apply(s).stream()).toList();
        assertThat(changes).containsExactly(
                new VersionRowChange.Insert("aaaa"),
                new VersionRowChange.Update("aaaa", "cccc"),
                new VersionRowChange.Insert("bbbb"),
                new VersionRowChange.Delete("bbbb"),
                new VersionRowChange.Update("cccc", "mmmm"),
                new VersionRowChange.Update("mmmm", "nnnn"));
        assertThat(rows.rows()).containsExactly("nnnn");
    }
}
