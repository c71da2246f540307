package dev.flotilla.engine.revision;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.flotilla.engine.revision.Graphs.dependent;
import static dev.flotilla.engine.revision.Graphs.labelled;
import static dev.flotilla.engine.revision.Graphs.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every way a set of revisions can fail to form a graph, each reported with the files involved. */
class GraphValidationTest {

    @Test
    void a_duplicate_id_names_both_files() {
        Revision second = new Revision("a1aa", List.of(), List.of(), List.of(), "", "versions/a1aa_again.sql");
        assertThat(RevisionGraph.validate(List.of(rev("a1aa"), second))).containsExactly(new GraphProblem("a1aa",
                "revision", "revision id a1aa is declared twice: in versions/a1aa_x.sql and in "
                + "versions/a1aa_again.sql; give one of them a new id"));
    }

    @Test
    void a_down_revision_that_names_no_revision() {
        assertThat(RevisionGraph.validate(List.of(rev("a1aa"), rev("b2bb", "zzzz")))).containsExactly(
                new GraphProblem("b2bb", "down_revision", "revision b2bb (versions/b2bb_x.sql) names down_revision "
                        + "zzzz, which is not present; fix the id or restore the missing file"));
    }

    @Test
    void a_depends_on_that_names_neither_a_revision_nor_a_label() {
        assertThat(RevisionGraph.validate(List.of(rev("a1aa"), dependent("b2bb", List.of(), List.of("nope")))))
                .containsExactly(new GraphProblem("b2bb", "depends_on", "revision b2bb (versions/b2bb_x.sql) "
                        + "depends_on nope, which is neither a revision id nor a branch label; use a full id or a "
                        + "label"));
    }

    @Test
    void a_cycle_through_down_revision_names_every_revision_on_it() {
        List<GraphProblem> problems = RevisionGraph.validate(
                List.of(rev("a1aa"), rev("b2bb", "a1aa", "d4dd"), rev("c3cc", "b2bb"), rev("d4dd", "c3cc")));
        assertThat(problems).extracting(GraphProblem::revisionId).containsExactly("b2bb", "c3cc", "d4dd");
        assertThat(problems.get(0).message()).isEqualTo("revision b2bb is on a cycle through down_revision: "
                + "b2bb (versions/b2bb_x.sql), c3cc (versions/c3cc_x.sql), d4dd (versions/d4dd_x.sql); every "
                + "revision must lead back to a base");
    }

    @Test
    void a_graph_that_is_all_cycle_is_reported_too() {
        assertThat(RevisionGraph.validate(List.of(rev("a1aa", "b2bb"), rev("b2bb", "a1aa"))))
                .extracting(GraphProblem::revisionId).containsExactly("a1aa", "b2bb");
    }

    @Test
    void a_cycle_closed_by_depends_on() {
        List<GraphProblem> problems = RevisionGraph.validate(
                List.of(dependent("a1aa", List.of(), List.of("c3cc")), rev("b2bb", "a1aa"), rev("c3cc", "b2bb")));
        assertThat(problems).extracting(GraphProblem::field).containsOnly("depends_on");
        assertThat(problems.get(0).message()).startsWith("revision a1aa is on a dependency cycle through "
                + "down_revision and depends_on: ");
    }

    @Test
    void a_branch_label_used_twice_names_both_revisions() {
        assertThat(RevisionGraph.validate(List.of(labelled("a1aa", "core"), labelled("b2bb", "core", "a1aa"))))
                .containsExactly(new GraphProblem("b2bb", "branch_labels", "branch name 'core' in revision b2bb "
                        + "(versions/b2bb_x.sql) is already used by revision a1aa (versions/a1aa_x.sql); a label "
                        + "names one branch"));
    }

    @Test
    void a_branch_label_that_is_a_revision_id_or_a_reserved_word_is_refused() {
        assertThat(RevisionGraph.validate(List.of(rev("a1aa"), labelled("b2bb", "a1aa", "a1aa"))))
                .extracting(GraphProblem::message).containsExactly("branch name 'a1aa' in revision b2bb "
                        + "(versions/b2bb_x.sql) is already used as a revision id by versions/a1aa_x.sql; choose "
                        + "another label");
        assertThat(RevisionGraph.validate(List.of(labelled("a1aa", "heads"))))
                .extracting(GraphProblem::message).containsExactly("branch label 'heads' of revision a1aa "
                        + "(versions/a1aa_x.sql) is a reserved word (base, current, head, heads); choose another "
                        + "label");
    }

    @Test
    void building_a_broken_graph_throws_every_problem_at_once() {
        assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("b2bb", "zzzz"), rev("c3cc", "yyyy"))))
                .isInstanceOf(RevisionException.class)
                .hasMessage("2 problems in the revision graph:\n"
                        + "  revision b2bb (versions/b2bb_x.sql) names down_revision zzzz, which is not present; fix "
                        + "the id or restore the missing file\n"
                        + "  revision c3cc (versions/c3cc_x.sql) names down_revision yyyy, which is not present; fix "
                        + "the id or restore the missing file");
    }

    @Test
    void ids_with_characters_that_targets_use_are_refused() {
        for (String bad : List.of("a@b", "a-b", "a+b", "a:b", "a,b", "a b")) {
            assertThatThrownBy(() -> Revision.of(bad)).as(bad).isInstanceOf(RevisionException.class)
                    .hasMessageContaining("is not allowed in revision id '" + bad + "'");
        }
    }

    @Test
    void a_revision_that_follows_itself_is_refused() {
        assertThatThrownBy(() -> new Revision("a1aa", List.of("a1aa"), List.of(), List.of(), "", "v/a.sql"))
                .hasMessage("Revision a1aa names itself as its down_revision (in v/a.sql) (a self-loop); point it "
                        + "at the revision it follows.");
    }

    @Test
    void an_empty_set_of_revisions_is_an_empty_graph() {
        RevisionGraph g = RevisionGraph.of(List.of());
        assertThat(g.isEmpty()).isTrue();
        assertThat(g.heads()).isEmpty();
        assertThat(new Planner(g).upgrade(List.of(), "heads")).isEmpty();
    }
}
