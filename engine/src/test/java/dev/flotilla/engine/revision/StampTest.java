package dev.flotilla.engine.revision;

import dev.flotilla.engine.revision.VersionRowChange.Delete;
import dev.flotilla.engine.revision.VersionRowChange.Insert;
import dev.flotilla.engine.revision.VersionRowChange.Update;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.flotilla.engine.revision.Graphs.linear;
import static dev.flotilla.engine.revision.Graphs.merged;
import static dev.flotilla.engine.revision.Graphs.separateRoots;
import static dev.flotilla.engine.revision.Graphs.twoBranches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code stamp} sets the version rows to some revisions without running any, as {@code alembic stamp}
 * does: each target moves the rows that share its lineage, down or up, or starts a branch of its own.
 */
class StampTest {

    private static VersionRows rows(RevisionGraph graph, String... current) {
        return new VersionRows(graph, List.of(current));
    }

    @Test
    void stamping_a_fresh_database_to_head_inserts_one_row() {
        VersionRows rows = rows(linear());
        assertThat(rows.stamp(List.of("head"))).containsExactly(new Insert("d4dd"));
        assertThat(rows.rows()).containsExactly("d4dd");
    }

    @Test
    void stamping_a_fresh_database_to_the_heads_of_two_branches_inserts_a_row_for_each() {
        VersionRows rows = rows(twoBranches());
        assertThat(rows.stamp(List.of("core0002", "feat0002")))
                .containsExactly(new Insert("core0002"), new Insert("feat0002"));
        assertThat(rows(separateRoots()).stamp(List.of("heads")))
                .containsExactly(new Insert("main0002"), new Insert("net00002"));
    }

    @Test
    void stamping_down_to_an_ancestor_moves_the_row_without_running_anything() {
        VersionRows rows = rows(linear(), "d4dd");
        assertThat(rows.stamp(List.of("b2bb"))).containsExactly(new Update("d4dd", "b2bb"));
        assertThat(rows.rows()).containsExactly("b2bb");
    }

    @Test
    void stamping_up_to_a_descendant_moves_the_row_too() {
        VersionRows rows = rows(linear(), "b2bb");
        assertThat(rows.stamp(List.of("d4d"))).containsExactly(new Update("b2bb", "d4dd"));
    }

    @Test
    void stamping_to_base_or_to_nothing_deletes_the_rows() {
        assertThat(rows(twoBranches(), "core0002", "feat0002").stamp(List.of("base")))
                .containsExactly(new Delete("core0002"), new Delete("feat0002"));
        VersionRows rows = rows(linear(), "c3cc");
        assertThat(rows.stamp(List.of())).containsExactly(new Delete("c3cc"));
        assertThat(rows.rows()).isEmpty();
    }

    @Test
    void label_at_base_deletes_only_the_rows_of_that_branch() {
        VersionRows rows = rows(separateRoots(), "main0002", "net00002");
        assertThat(rows.stamp(List.of("net@base"))).containsExactly(new Delete("net00002"));
        assertThat(rows.rows()).containsExactly("main0002");
    }

    @Test
    void stamping_to_a_revision_already_a_row_changes_nothing() {
        VersionRows rows = rows(twoBranches(), "core0002", "feat0001");
        assertThat(rows.stamp(List.of("core0002"))).isEmpty();
        assertThat(rows.stamp(List.of("core@head"))).isEmpty();
        assertThat(rows.stamp(List.of("feature@head"))).containsExactly(new Update("feat0001", "feat0002"));
        assertThat(rows.rows()).containsExactly("core0002", "feat0002");
    }

    /**
     * Alembic's {@code _stamp_revs} gathers the rows that share lineage with any target and moves all of
     * them to each target that is not yet a row: with {@code heads}, both rows share lineage, so
     * core0002 is folded into feat0002 although core0002 is itself a head. Ported as it is; stamp one
     * branch at a time ({@code feature@head}) to keep the other.
     */
    @Test
    void several_targets_move_every_row_any_of_them_shares_as_alembic_does() {
        VersionRows rows = rows(twoBranches(), "core0002", "feat0001");
        assertThat(rows.stamp(List.of("heads")))
                .containsExactly(new Delete("core0002"), new Update("feat0001", "feat0002"));
        assertThat(rows.rows()).containsExactly("feat0002");
    }

    @Test
    void a_target_on_a_branch_no_row_shares_starts_a_new_branch() {
        VersionRows rows = rows(separateRoots(), "main0002");
        assertThat(rows.stamp(List.of("net@head"))).containsExactly(new Insert("net00002"));
        assertThat(rows.rows()).containsExactly("main0002", "net00002");
    }

    @Test
    void stamping_the_merge_point_folds_the_rows_of_its_parents_into_one() {
        VersionRows rows = rows(merged(), "left0001", "rght0001");
        assertThat(rows.stamp(List.of("merge001")))
                .containsExactly(new Delete("left0001"), new Update("rght0001", "merge001"));
        assertThat(rows.rows()).containsExactly("merge001");
    }

    @Test
    void stamping_below_a_merge_keeps_only_the_parent_named_as_alembic_does() {
        VersionRows rows = rows(merged(), "top00001");
        assertThat(rows.stamp(List.of("left0001"))).containsExactly(new Update("top00001", "left0001"));
        assertThat(rows.rows()).containsExactly("left0001");
    }

    @Test
    void unmerging_to_both_parents_takes_two_stamps_because_one_would_move_the_merge_row_twice() {
        VersionRows rows = rows(merged(), "merge001");
        assertThatThrownBy(() -> rows.stamp(List.of("left0001", "rght0001")))
                .isInstanceOf(RevisionException.class)
                .hasMessage("Cannot stamp left0001 rght0001: the version row merge001 would be moved by more than "
                        + "one target. Stamp the targets one at a time.");
        assertThat(rows.rows()).containsExactly("merge001");

        assertThat(rows.stamp(List.of("left0001"))).containsExactly(new Update("merge001", "left0001"));
        assertThat(rows.stamp(List.of("rght0001"))).containsExactly(new Insert("rght0001"));
        assertThat(rows.rows()).containsExactly("left0001", "rght0001");
    }

    @Test
    void purge_deletes_every_row_so_that_the_stamp_starts_from_none() {
        VersionRows rows = rows(twoBranches(), "core0002", "feat0002");
        assertThat(rows.purge()).containsExactly(new Delete("core0002"), new Delete("feat0002"));
        assertThat(rows.stamp(List.of("core0001"))).containsExactly(new Insert("core0001"));
        assertThat(rows.rows()).containsExactly("core0001");

        VersionRows unpurged = rows(twoBranches(), "core0002", "feat0002");
        assertThat(unpurged.stamp(List.of("core0001"))).containsExactly(new Update("core0002", "core0001"));
        assertThat(unpurged.rows()).containsExactly("feat0002", "core0001");
    }

    @Test
    void an_unknown_target_is_refused_naming_it_and_the_rows_stay() {
        VersionRows rows = rows(linear(), "b2bb");
        assertThatThrownBy(() -> rows.stamp(List.of("zzzz9")))
                .isInstanceOf(RevisionException.class)
                .hasMessageStartingWith("Can't locate revision identified by 'zzzz9'");
        assertThat(rows.rows()).containsExactly("b2bb");
    }

    @Test
    void head_with_several_heads_is_refused_listing_them() {
        assertThatThrownBy(() -> rows(twoBranches()).stamp(List.of("head")))
                .isInstanceOf(RevisionException.class)
                .hasMessage("Multiple heads are present for 'head' (core0002, feat0002); please specify a single "
                        + "target revision to stamp, or 'heads' to stamp every head.");
    }

    @Test
    void rows_on_both_sides_of_the_target_are_refused() {
        VersionRows rows = rows(linear(), "a1aa", "c3cc");
        assertThatThrownBy(() -> rows.stamp(List.of("b2bb")))
                .isInstanceOf(RevisionException.class)
                .hasMessageContaining("version rows c3cc lie above it and a1aa below it");
    }

    @Test
    void a_target_named_twice_or_a_blank_target_is_refused() {
        assertThatThrownBy(() -> rows(linear()).stamp(List.of("c3cc", "c3cc")))
                .hasMessage("Cannot stamp c3cc c3cc: revision c3cc is reached by more than one target; name it "
                        + "once.");
        assertThatThrownBy(() -> rows(linear()).stamp(List.of(" ")))
                .isInstanceOf(RevisionException.class)
                .hasMessageContaining("a target is blank");
    }
}
