package dev.flotilla.engine.revision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Flotilla's graph gives Alembic's answers. The answers were recorded by running Alembic itself on the
 * same graphs ({@code src/test/alembic/replay.py}): heads, bases, labels, identifier resolution,
 * upgrade and downgrade plans from every reachable state to many targets with the version rows they
 * leave, history walks, and stamps (single targets and pairs, with and without purge) with the rows
 * they leave.
 *
 * <p>Where Alembic answers with an error, Flotilla must refuse too. Where Alembic crashes (a failed
 * internal assertion for an upgrade to a target that walks to base; a KeyError in its version-row
 * bookkeeping for some merges of revisions that are each other's ancestors), Flotilla may refuse or give
 * the plain answer; those cases are not compared. Stamps are stricter: where Alembic crashes (two
 * targets moving the same row, a target reached twice, rows on both sides of a target, a target
 * walking below base), Flotilla refuses and leaves the rows as they were.
 */
class AlembicParityTest {

    private static JsonNode expected() throws IOException {
        try (InputStream in = AlembicParityTest.class.getResourceAsStream("/alembic/expected.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @TestFactory
    List<DynamicNode> every_recorded_graph_answers_as_alembic_does() throws IOException {
        List<DynamicNode> out = new ArrayList<>();
        for (JsonNode c : expected().get("cases")) {
            out.add(DynamicContainer.dynamicContainer(c.get("name").asText(), caseTests(c)));
        }
        return out;
    }

    private static List<DynamicNode> caseTests(JsonNode c) {
        List<Revision> revisions = new ArrayList<>();
        for (JsonNode r : c.get("revisions")) {
            revisions.add(new Revision(r.get("id").asText(), strings(r.get("down")), strings(r.get("deps")),
                    strings(r.get("labels")), "", null));
        }
        RevisionGraph graph = RevisionGraph.of(revisions);
        Planner planner = new Planner(graph);
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("heads, bases and labels", () -> {
            assertThat(graph.heads()).isEqualTo(strings(c.get("heads")));
            assertThat(graph.resolvedHeads()).isEqualTo(strings(c.get("resolvedHeads")));
            assertThat(graph.bases()).isEqualTo(strings(c.get("bases")));
            c.get("labels").fields().forEachRemaining(e ->
                    assertThat(List.copyOf(graph.branchLabels(e.getKey())))
                            .as("labels of %s", e.getKey()).isEqualTo(strings(e.getValue())));
        }));
        tests.add(DynamicTest.dynamicTest("identifiers", () -> c.get("identifiers").fields().forEachRemaining(e ->
                compare("get_revisions(" + e.getKey() + ")", e.getValue(), () -> {
                    List<String> ids = new ArrayList<>();
                    for (Node n : graph.resolver().many(List.of(e.getKey()))) {
                        ids.add(n == null ? "None" : n.id());
                    }
                    return ids;
                }))));
        tests.add(DynamicTest.dynamicTest("upgrade plans and version rows", () -> {
            for (JsonNode q : c.get("upgrades")) {
                List<String> current = strings(q.get("current"));
                comparePlan("upgrade " + current + " -> " + q.get("target").asText(), q.get("plan"), graph, current,
                        () -> planner.upgrade(current, q.get("target").asText()));
            }
        }));
        tests.add(DynamicTest.dynamicTest("downgrade plans and version rows", () -> {
            for (JsonNode q : c.get("downgrades")) {
                List<String> current = strings(q.get("current"));
                comparePlan("downgrade " + current + " -> " + q.get("target").asText(), q.get("plan"), graph, current,
                        () -> planner.downgrade(current, q.get("target").asText()));
            }
        }));
        tests.add(DynamicTest.dynamicTest("history walks", () -> {
            for (JsonNode q : c.get("walks")) {
                compare("walk " + q.get("base").asText() + ":" + q.get("head").asText(), q.get("revisions"),
                        () -> graph.walk(q.get("base").asText(), q.get("head").asText()).stream()
                                .map(Revision::id).toList());
            }
        }));
        if (c.has("stamps")) {
            tests.add(DynamicTest.dynamicTest("stamps, with and without purge", () -> compareStamps(c, graph)));
        }
        return tests;
    }

    private static void compareStamps(JsonNode c, RevisionGraph graph) {
        List<List<String>> targets = new ArrayList<>();
        c.get("stampTargets").forEach(t -> targets.add(strings(t)));
        for (JsonNode st : c.get("stamps")) {
            List<String> current = strings(st.get("current"));
            for (int i = 0; i < targets.size(); i++) {
                List<String> target = targets.get(i);
                compareStamp(() -> "stamp " + current + " -> " + target, st.get("rows").get(i), graph, current,
                        target, false);
                compareStamp(() -> "stamp --purge " + current + " -> " + target, c.get("purgedStamps").get(i),
                        graph, current, target, true);
            }
        }
    }

    /**
     * The rows Alembic leaves, reached by changes that each match one row (as the runner applies them);
     * a refusal where Alembic fails, with the rows left as they were. Messages are built only on failure:
     * this runs tens of thousands of times.
     */
    private static void compareStamp(Supplier<String> what, JsonNode expected, RevisionGraph graph,
            List<String> current, List<String> targets, boolean purge) {
        VersionRows rows = new VersionRows(graph, current);
        List<VersionRowChange> changes = new ArrayList<>(purge ? rows.purge() : List.of());
        List<String> before = rows.rows();
        if (expected.isObject()) {
            try {
                List<VersionRowChange> got = rows.stamp(targets);
                fail(what.get() + ": Alembic fails with " + expected.get("error").asText() + " but Flotilla stamps "
                        + got);
            } catch (RevisionException refused) {
                if (!rows.rows().equals(before)) {
                    fail(what.get() + ": a refused stamp moved the rows from " + before + " to " + rows.rows());
                }
            }
            return;
        }
        try {
            changes.addAll(rows.stamp(targets));
        } catch (RevisionException e) {
            fail(what.get() + ": Alembic leaves rows " + expected + " but Flotilla refuses: " + e.getMessage());
        }
        List<String> want = strings(expected);
        if (!rows.rows().stream().sorted().toList().equals(want) || !want.equals(replay(current, changes))) {
            fail(what.get() + ": Alembic leaves rows " + want + " but Flotilla leaves " + rows.rows() + " by "
                    + changes);
        }
    }

    /** The rows after the changes, or null when one matches no row or would duplicate one. */
    private static List<String> replay(List<String> current, List<VersionRowChange> changes) {
        Set<String> rows = new HashSet<>(current);
        for (VersionRowChange change : changes) {
            boolean matched;
            if (change instanceof VersionRowChange.Insert i) {
                matched = rows.add(i.revision());
            } else if (change instanceof VersionRowChange.Delete d) {
                matched = rows.remove(d.revision());
            } else {
                VersionRowChange.Update u = (VersionRowChange.Update) change;
                matched = !rows.contains(u.to()) && rows.remove(u.from()) && rows.add(u.to());
            }
            if (!matched) {
                return null;
            }
        }
        return rows.stream().sorted().toList();
    }

    /** The steps as Alembic orders them, and the version rows its HeadMaintainer leaves after them. */
    private static void comparePlan(String what, JsonNode expected, RevisionGraph graph, List<String> current,
            Supplier<List<Step>> plan) {
        JsonNode steps = expected.has("error") ? expected : expected.get("steps");
        compare(what, steps, () -> ids(plan.get()));
        if (!expected.has("error")) {
            VersionRows rows = new VersionRows(graph, current);
            plan.get().forEach(rows::apply);
            assertThat(rows.rows().stream().sorted().toList()).as(what + ": version rows after")
                    .isEqualTo(strings(expected.get("rows")));
        }
    }

    private static void compare(String what, JsonNode expected, Supplier<List<String>> actual) {
        if (expected.isObject()) {
            String error = expected.get("error").asText();
            if (error.equals("AssertionError") || error.equals("KeyError")) {
                try {
                    actual.get();
                } catch (RevisionException refused) {
                    // either answer is acceptable where Alembic crashed
                }
                return;
            }
            try {
                List<String> got = actual.get();
                fail(what + ": Alembic refuses with " + error + " but Flotilla answers " + got);
            } catch (RevisionException expectedRefusal) {
                return;
            }
        }
        List<String> got;
        try {
            got = actual.get();
        } catch (RevisionException e) {
            fail(what + ": Alembic answers " + expected + " but Flotilla refuses: " + e.getMessage());
            return;
        }
        assertThat(got).as(what).isEqualTo(strings(expected));
    }

    private static List<String> ids(List<Step> steps) {
        return steps.stream().map(s -> s.revision().id()).toList();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
