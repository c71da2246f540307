package dev.flotilla.engine.revision;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Plans over random graphs with merges, branches, several bases and depends_on. */
class PlanPropertiesTest {

    @Property(tries = 300)
    void upgrading_from_nothing_to_heads_applies_every_revision_once_after_its_parents_and_dependencies(
            @ForAll("graphs") RevisionGraph graph) {
        List<Step> plan = new Planner(graph).upgrade(List.of(), "heads");

        assertThat(plan).extracting(s -> s.revision().id())
                .containsExactlyInAnyOrderElementsOf(graph.revisions().stream().map(Revision::id).toList());
        assertParentsFirst(graph, plan, Set.of());
    }

    @Property(tries = 300)
    void downgrading_from_heads_to_base_takes_back_every_revision_once_children_first(
            @ForAll("graphs") RevisionGraph graph) {
        List<String> heads = rowsAfter(graph, new Planner(graph).upgrade(List.of(), "heads"));

        List<Step> plan = new Planner(graph).downgrade(heads, "base");

        assertThat(plan).extracting(s -> s.revision().id())
                .containsExactlyInAnyOrderElementsOf(graph.revisions().stream().map(Revision::id).toList());
        List<Step> reversed = new ArrayList<>(plan);
        java.util.Collections.reverse(reversed);
        assertParentsFirst(graph, reversed, Set.of());
    }

    @Property(tries = 300)
    void upgrading_from_any_reachable_state_applies_exactly_what_is_missing(
            @ForAll("graphs") RevisionGraph graph, @ForAll("seeds") long seed) {
        List<Revision> all = graph.revisions();
        Revision pick = all.get(new Random(seed).nextInt(all.size()));
        List<Step> first = new Planner(graph).upgrade(List.of(), pick.id());
        Set<String> applied = new HashSet<>(first.stream().map(s -> s.revision().id()).toList());
        List<String> state = rowsAfter(graph, first);

        List<Step> rest = new Planner(graph).upgrade(state, "heads");

        Set<String> missing = new HashSet<>(all.stream().map(Revision::id).toList());
        missing.removeAll(applied);
        assertThat(rest).extracting(s -> s.revision().id()).containsExactlyInAnyOrderElementsOf(missing);
        assertParentsFirst(graph, rest, applied);
    }

    @Property(tries = 300)
    void upgrade_then_downgrade_to_the_start_takes_back_exactly_what_was_applied(
            @ForAll("graphs") RevisionGraph graph, @ForAll("seeds") long seed) {
        List<Revision> all = graph.revisions();
        Revision pick = all.get(new Random(seed).nextInt(all.size()));
        List<Step> upPlan = new Planner(graph).upgrade(List.of(), pick.id());
        List<String> up = upPlan.stream().map(s -> s.revision().id()).toList();

        List<Step> downPlan = new Planner(graph).downgrade(rowsAfter(graph, upPlan), "base");

        assertThat(downPlan).extracting(s -> s.revision().id()).containsExactlyInAnyOrderElementsOf(up);
        VersionRows rows = new VersionRows(graph, rowsAfter(graph, upPlan));
        downPlan.forEach(rows::apply);
        assertThat(rows.rows()).as("no version rows left at base").isEmpty();
    }

    /** Every step's down revisions and dependencies were applied before it (or already present). */
    private static void assertParentsFirst(RevisionGraph graph, List<Step> plan, Set<String> present) {
        Set<String> done = new HashSet<>(present);
        for (Step s : plan) {
            for (String parent : s.revision().downRevisions()) {
                assertThat(done).as("%s runs after its parent %s", s.revision().id(), parent).contains(parent);
            }
            for (String dep : graph.dependencies(s.revision().id())) {
                assertThat(done).as("%s runs after its dependency %s", s.revision().id(), dep).contains(dep);
            }
            assertThat(done.add(s.revision().id())).as("%s applied once", s.revision().id()).isTrue();
        }
    }

    /** The version rows a fresh database holds once the plan has run. */
    static List<String> rowsAfter(RevisionGraph graph, List<Step> plan) {
        VersionRows rows = new VersionRows(graph, List.of());
        plan.forEach(rows::apply);
        return rows.rows();
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Provide
    Arbitrary<RevisionGraph> graphs() {
        return Combinators.combine(Arbitraries.integers().between(1, 25), Arbitraries.longs())
                .as(PlanPropertiesTest::randomGraph);
    }

    /** A random DAG: each revision follows zero, one or two earlier ones, and may depend on a third. */
    static RevisionGraph randomGraph(int size, long seed) {
        Random r = new Random(seed);
        List<Revision> revisions = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            List<String> down = new ArrayList<>();
            if (i > 0 && r.nextInt(10) > 0) {
                down.add("r" + r.nextInt(i));
                if (i > 2 && r.nextInt(5) == 0) {
                    String second = "r" + r.nextInt(i);
                    if (!down.contains(second)) {
                        down.add(second);
                    }
                }
            }
            List<String> deps = new ArrayList<>();
            if (i > 2 && r.nextInt(6) == 0) {
                String dep = "r" + r.nextInt(i);
                if (!down.contains(dep)) {
                    deps.add(dep);
                }
            }
            revisions.add(new Revision("r" + i, down, deps, List.of(), "", null));
        }
        return RevisionGraph.of(revisions);
    }
}
