package dev.flotilla.engine.revision;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.flotilla.engine.revision.Graphs.linear;
import static dev.flotilla.engine.revision.Graphs.twoBranches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every target form of Alembic's syntax, resolved against small graphs. */
class TargetResolutionTest {

    private static List<String> up(RevisionGraph g, List<String> current, String target) {
        return new Planner(g).upgrade(current, target).stream().map(s -> s.revision().id()).toList();
    }

    private static List<String> down(RevisionGraph g, List<String> current, String target) {
        return new Planner(g).downgrade(current, target).stream().map(s -> s.revision().id()).toList();
    }

    @Test
    void head_heads_and_base() {
        RevisionGraph g = linear();
        assertThat(up(g, List.of(), "head")).containsExactly("a1aa", "b2bb", "c3cc", "d4dd");
        assertThat(up(g, List.of(), "heads")).containsExactly("a1aa", "b2bb", "c3cc", "d4dd");
        assertThat(down(g, List.of("d4dd"), "base")).containsExactly("d4dd", "c3cc", "b2bb", "a1aa");
        assertThat(up(g, List.of("d4dd"), "heads")).isEmpty();
    }

    @Test
    void head_with_several_heads_is_an_error_that_lists_them_and_suggests_label_at_head_or_heads() {
        assertThatThrownBy(() -> up(twoBranches(), List.of(), "head"))
                .isInstanceOf(RevisionException.class)
                .hasMessage("Multiple head revisions are present for given argument 'head' (core0002, feat0002); "
                        + "please specify a specific target revision, '<branchname>@head' to narrow to a specific "
                        + "head, or 'heads' for all heads.");
    }

    @Test
    void full_ids_and_unambiguous_prefixes() {
        RevisionGraph g = linear();
        assertThat(up(g, List.of(), "b2bb")).containsExactly("a1aa", "b2bb");
        assertThat(up(g, List.of(), "c3c")).containsExactly("a1aa", "b2bb", "c3cc");
        assertThat(g.get("d4d").id()).isEqualTo("d4dd");
    }

    @Test
    void an_ambiguous_prefix_lists_the_candidates() {
        RevisionGraph g = twoBranches();
        assertThatThrownBy(() -> g.get("feat"))
                .hasMessage("Multiple revisions start with 'feat': feat0001, feat0002; give enough characters to "
                        + "name one.");
    }

    @Test
    void an_unknown_id_says_so_and_asks_for_four_characters_when_shorter() {
        assertThatThrownBy(() -> linear().get("zz"))
                .hasMessage("Can't locate revision identified by 'zz': no revision id or branch label matches it; "
                        + "please ensure at least four characters are present for partial revision identifier "
                        + "matches.");
        assertThatThrownBy(() -> linear().get("zzzzz"))
                .hasMessage("Can't locate revision identified by 'zzzzz': no revision id or branch label matches it.");
    }

    @Test
    void relative_to_current_plus_and_minus() {
        RevisionGraph g = linear();
        assertThat(up(g, List.of("a1aa"), "+2")).containsExactly("b2bb", "c3cc");
        assertThat(up(g, List.of(), "+1")).containsExactly("a1aa");
        assertThat(down(g, List.of("d4dd"), "-1")).containsExactly("d4dd");
        assertThat(down(g, List.of("d4dd"), "-3")).containsExactly("d4dd", "c3cc", "b2bb");
    }

    @Test
    void relative_steps_that_run_off_the_graph_are_refused() {
        RevisionGraph g = linear();
        assertThatThrownBy(() -> up(g, List.of("c3cc"), "+2"))
                .hasMessage("Relative revision +2 didn't produce 2 migrations.");
        assertThatThrownBy(() -> down(g, List.of("b2bb"), "-3"))
                .hasMessage("Relative revision -3 didn't produce 3 migrations.");
        assertThatThrownBy(() -> up(g, List.of("b2bb"), "-1"))
                .hasMessage("Relative revision -1 didn't produce 1 migration.");
    }

    @Test
    void relative_to_a_revision() {
        RevisionGraph g = linear();
        assertThat(up(g, List.of(), "a1aa+2")).containsExactly("a1aa", "b2bb", "c3cc");
        assertThat(up(g, List.of(), "d4dd-2")).containsExactly("a1aa", "b2bb");
        assertThat(down(g, List.of("d4dd"), "c3cc-1")).containsExactly("d4dd", "c3cc");
    }

    @Test
    void label_at_head_and_label_at_base() {
        RevisionGraph g = twoBranches();
        assertThat(up(g, List.of(), "feature@head")).containsExactly("base0001", "feat0001", "feat0002");
        RevisionGraph roots = Graphs.separateRoots();
        assertThat(down(roots, List.of("main0002", "net00002"), "net@base")).containsExactly("net00002", "net00001");
    }

    @Test
    void label_at_base_on_a_branch_that_shares_its_base_goes_to_base_as_alembic_does() {
        // the shared base carries no label, so feature@base names the empty base of the whole graph
        assertThat(down(twoBranches(), List.of("core0002", "feat0002"), "feature@base"))
                .containsExactly("core0002", "core0001", "feat0002", "feat0001", "base0001");
    }

    @Test
    void label_relative_steps() {
        RevisionGraph g = twoBranches();
        assertThat(up(g, List.of("base0001"), "core@+1")).containsExactly("core0001");
        assertThat(down(g, List.of("core0002", "feat0002"), "feature@-1")).containsExactly("feat0002");
    }

    @Test
    void rev_at_head_names_the_head_of_that_revisions_branch() {
        RevisionGraph g = twoBranches();
        assertThat(up(g, List.of(), "feat0001@head")).containsExactly("base0001", "feat0001", "feat0002");
    }

    @Test
    void a_label_names_the_revision_that_declares_it() {
        RevisionGraph g = twoBranches();
        assertThat(g.get("core").id()).isEqualTo("core0001");
        assertThat(g.branchLabels("core0002")).containsExactly("core");
        assertThat(g.branchLabels("base0001")).isEmpty();
    }

    @Test
    void a_revision_outside_the_named_branch_is_refused() {
        assertThatThrownBy(() -> twoBranches().get("feature@core0002"))
                .hasMessage("Revision core0002 is not a member of branch 'feature'.");
    }

    @Test
    void upgrading_from_several_heads_to_heads_applies_only_whats_missing() {
        RevisionGraph g = twoBranches();
        // Alembic's order: the reverse of walking down from the heads in revision order
        assertThat(up(g, List.of("core0001", "feat0001"), "heads")).containsExactly("feat0002", "core0002");
    }

    @Test
    void ranges_split_on_one_colon() {
        assertThat(RevisionRange.parse("ae1:b2")).isEqualTo(new RevisionRange("ae1", "b2"));
        assertThat(RevisionRange.parse(":b2")).isEqualTo(new RevisionRange(null, "b2"));
        assertThat(RevisionRange.parse("ae1:")).isEqualTo(new RevisionRange("ae1", null));
        assertThatThrownBy(() -> RevisionRange.parse("ae1"))
                .hasMessage("Range 'ae1' needs the form FROM:TO ([start]:[end], [start]: or :[end]).");
        assertThatThrownBy(() -> RevisionRange.parse("a:b:c"))
                .hasMessage("Range 'a:b:c' has more than one ':'; use FROM:TO.");
    }

    @Test
    void an_offline_range_plans_from_its_start() {
        RevisionGraph g = linear();
        List<String> steps = new Planner(g).upgradeFrom("b2bb", "d4dd").stream().map(s -> s.revision().id()).toList();
        assertThat(steps).containsExactly("c3cc", "d4dd");
    }

    @Test
    void history_walks_newest_first_within_a_range() {
        RevisionGraph g = linear();
        assertThat(g.walk(null, null)).extracting(Revision::id).containsExactly("d4dd", "c3cc", "b2bb", "a1aa");
        assertThat(g.walk("b2bb", "c3cc")).extracting(Revision::id).containsExactly("c3cc", "b2bb");
        assertThat(g.walk("-2", null)).extracting(Revision::id).containsExactly("d4dd", "c3cc", "b2bb");
        assertThatThrownBy(() -> g.walk("d4dd", "b2bb"))
                .hasMessage("Requested range d4dd:b2bb does not refer to ancestor/descendant revisions along the "
                        + "same branch.");
    }
}
