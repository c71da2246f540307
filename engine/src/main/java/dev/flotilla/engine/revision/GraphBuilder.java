package dev.flotilla.engine.revision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns validated revisions into the graph's nodes, computing what Alembic's {@code _revision_map}
 * computes: dependencies resolved from labels, children, dependencies that ancestors already carry,
 * and branch labels spread along their branch.
 */
final class GraphBuilder {

    private final Map<String, Revision> byId = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<String, List<String>> resolved = new LinkedHashMap<>();
    private final Map<String, List<String>> next = new LinkedHashMap<>();
    private final Map<String, List<String>> allNext = new LinkedHashMap<>();

    private GraphBuilder(Collection<Revision> revisions) {
        for (Revision r : revisions) {
            byId.put(r.id(), r);
            next.put(r.id(), new ArrayList<>());
            allNext.put(r.id(), new ArrayList<>());
            r.branchLabels().forEach(l -> labels.put(l, r.id()));
        }
    }

    static RevisionGraph build(Collection<Revision> revisions) {
        GraphBuilder b = new GraphBuilder(revisions);
        b.resolveDependencies();
        b.linkChildren();
        return b.nodes();
    }

    private void resolveDependencies() {
        for (Revision r : byId.values()) {
            List<String> ids = new ArrayList<>();
            for (String dep : r.dependsOn()) {
                ids.add(byId.containsKey(dep) ? dep : labels.get(dep));
            }
            resolved.put(r.id(), Lists.concatDistinct(List.of(), ids));
        }
    }

    private void linkChildren() {
        for (Revision r : byId.values()) {
            for (String parent : Lists.concatDistinct(r.downRevisions(), resolved.get(r.id()))) {
                allNext.get(parent).add(r.id());
                if (r.downRevisions().contains(parent)) {
                    next.get(parent).add(r.id());
                }
            }
        }
    }

    private RevisionGraph nodes() {
        // A first graph without normalised dependencies and labels: enough to walk ancestors.
        Map<String, Node> draft = new LinkedHashMap<>();
        for (Revision r : byId.values()) {
            List<String> deps = resolved.get(r.id());
            draft.put(r.id(), new Node(r, deps, deps, next.get(r.id()), allNext.get(r.id()), Set.of()));
        }
        RevisionGraph rough = RevisionGraph.fromNodes(draft, labels);
        Map<String, Set<String>> spread = spreadLabels(rough);
        Map<String, Node> done = new LinkedHashMap<>();
        for (Node n : draft.values()) {
            done.put(n.id(), new Node(n.revision, n.resolvedDependencies, normalize(rough, n), n.next, n.allNext,
                    spread.get(n.id())));
        }
        return RevisionGraph.fromNodes(done, labels);
    }

    /** Drops the dependencies that an ancestor (by {@code down_revision}) already depends on. */
    private static List<String> normalize(RevisionGraph g, Node n) {
        if (n.resolvedDependencies.isEmpty()) {
            return List.of();
        }
        List<String> kept = new ArrayList<>(n.resolvedDependencies);
        for (Node ancestor : g.ancestors(List.of(n), false)) {
            if (ancestor != n) {
                kept.removeAll(ancestor.resolvedDependencies);
            }
        }
        return kept;
    }

    /**
     * Alembic's {@code _add_branches}: a label applies to its revision and every descendant, and, walking
     * up from the last descendant visited, to each ancestor until a branch point (dependencies included)
     * or a merge point.
     */
    private Map<String, Set<String>> spreadLabels(RevisionGraph g) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        byId.keySet().forEach(id -> out.put(id, new TreeSet<>()));
        for (Revision r : byId.values()) {
            if (r.branchLabels().isEmpty()) {
                continue;
            }
            Node last = null;
            for (Node d : g.descendants(List.of(g.node(r.id())), false)) {
                out.get(d.id()).addAll(r.branchLabels());
                last = d;
            }
            Set<String> visited = new HashSet<>();
            Node parent = last;
            while (parent != null && !parent.isResolvedBranchPoint() && !parent.revision.isMergePoint()
                    && visited.add(parent.id())) {
                out.get(parent.id()).addAll(r.branchLabels());
                parent = parent.revision.isBase() ? null : g.node(parent.down().get(0));
            }
        }
        return out;
    }
}
