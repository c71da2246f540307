package dev.flotilla.engine.revision;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Finds everything that keeps a set of revisions from forming a graph: duplicate ids, references to
 * revisions that do not exist, branch labels used twice, and cycles. Alembic only warns about some of
 * these and fails later with a KeyError; we report them all up front, each naming its file.
 */
final class GraphValidator {

    /** Words that mean something in a target, so they cannot be branch labels. */
    static final Set<String> RESERVED_LABELS = Set.of("base", "head", "heads", "current");

    private final Map<String, Revision> byId = new LinkedHashMap<>();
    private final Map<String, Revision> byLabel = new LinkedHashMap<>();
    private final List<GraphProblem> problems = new ArrayList<>();

    private GraphValidator() {
    }

    static List<GraphProblem> validate(Collection<Revision> revisions) {
        GraphValidator v = new GraphValidator();
        v.indexIds(revisions);
        v.indexLabels();
        v.checkReferences();
        if (v.problems.isEmpty()) {
            v.checkCycles();
        }
        return List.copyOf(v.problems);
    }

    private void indexIds(Collection<Revision> revisions) {
        for (Revision r : revisions) {
            Revision earlier = byId.putIfAbsent(r.id(), r);
            if (earlier != null) {
                problems.add(new GraphProblem(r.id(), "revision", "revision id " + r.id() + " is declared twice: in "
                        + earlier.describeSource() + " and in " + r.describeSource()
                        + "; give one of them a new id"));
            }
        }
    }

    private void indexLabels() {
        for (Revision r : byId.values()) {
            for (String label : r.branchLabels()) {
                if (RESERVED_LABELS.contains(label)) {
                    problems.add(new GraphProblem(r.id(), "branch_labels", "branch label '" + label + "' of revision "
                            + r.id() + " (" + r.describeSource() + ") is a reserved word (" + String.join(", ",
                            new TreeSet<>(RESERVED_LABELS)) + "); choose another label"));
                } else if (byId.containsKey(label)) {
                    problems.add(new GraphProblem(r.id(), "branch_labels", "branch name '" + label + "' in revision "
                            + r.id() + " (" + r.describeSource() + ") is already used as a revision id by "
                            + byId.get(label).describeSource() + "; choose another label"));
                } else if (byLabel.containsKey(label)) {
                    Revision other = byLabel.get(label);
                    problems.add(new GraphProblem(r.id(), "branch_labels", "branch name '" + label + "' in revision "
                            + r.id() + " (" + r.describeSource() + ") is already used by revision " + other.id()
                            + " (" + other.describeSource() + "); a label names one branch"));
                } else {
                    byLabel.put(label, r);
                }
            }
        }
    }

    private void checkReferences() {
        for (Revision r : byId.values()) {
            for (String down : r.downRevisions()) {
                if (!byId.containsKey(down)) {
                    problems.add(new GraphProblem(r.id(), "down_revision", "revision " + r.id() + " ("
                            + r.describeSource() + ") names down_revision " + down
                            + ", which is not present; fix the id or restore the missing file"));
                }
            }
            for (String dep : r.dependsOn()) {
                if (!byId.containsKey(dep) && !byLabel.containsKey(dep)) {
                    problems.add(new GraphProblem(r.id(), "depends_on", "revision " + r.id() + " ("
                            + r.describeSource() + ") depends_on " + dep
                            + ", which is neither a revision id nor a branch label; use a full id or a label"));
                }
            }
        }
    }

    /**
     * A revision is outside every cycle exactly when it lies both below some head and above some base;
     * whatever is left over sits on a cycle (Alembic's {@code _detect_cycles}). Checked first along
     * {@code down_revision}, then with dependencies too.
     */
    private void checkCycles() {
        if (byId.isEmpty()) {
            return;
        }
        Map<String, List<String>> down = new LinkedHashMap<>();
        Map<String, List<String>> allDown = new LinkedHashMap<>();
        for (Revision r : byId.values()) {
            down.put(r.id(), r.downRevisions());
            List<String> deps = new ArrayList<>();
            for (String dep : r.dependsOn()) {
                deps.add(byId.containsKey(dep) ? dep : byLabel.get(dep).id());
            }
            allDown.put(r.id(), Lists.concatDistinct(r.downRevisions(), deps));
        }
        Set<String> onCycle = cycleMembers(down);
        String field = "down_revision";
        String kind = "a cycle through down_revision";
        if (onCycle.isEmpty()) {
            onCycle = cycleMembers(allDown);
            field = "depends_on";
            kind = "a dependency cycle through down_revision and depends_on";
        }
        if (!onCycle.isEmpty()) {
            List<String> where = new ArrayList<>();
            for (String id : onCycle) {
                where.add(id + " (" + byId.get(id).describeSource() + ")");
            }
            for (String id : onCycle) {
                problems.add(new GraphProblem(id, field, "revision " + id + " is on " + kind + ": "
                        + String.join(", ", where) + "; every revision must lead back to a base"));
            }
        }
    }

    /**
     * Alembic's test: whatever is not both below a head and above a base is stuck behind a cycle. Of
     * those, we name only the revisions that lie on a cycle themselves, so the message points at the
     * files to fix.
     */
    private static Set<String> cycleMembers(Map<String, List<String>> down) {
        Map<String, List<String>> up = new LinkedHashMap<>();
        down.keySet().forEach(id -> up.put(id, new ArrayList<>()));
        down.forEach((id, parents) -> parents.forEach(p -> up.get(p).add(id)));
        List<String> heads = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        for (String id : down.keySet()) {
            if (up.get(id).isEmpty()) {
                heads.add(id);
            }
            if (down.get(id).isEmpty()) {
                bases.add(id);
            }
        }
        Set<String> reachable = reach(heads, down::get);
        reachable.retainAll(reach(bases, up::get));
        Set<String> stuck = new TreeSet<>(down.keySet());
        stuck.removeAll(reachable);
        Set<String> onCycle = new TreeSet<>();
        for (String id : stuck) {
            if (reach(down.get(id), down::get).contains(id)) {
                onCycle.add(id);
            }
        }
        return onCycle.isEmpty() ? stuck : onCycle;
    }

    private static Set<String> reach(List<String> start, Function<String, List<String>> edges) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(start);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) {
                todo.addAll(edges.apply(id));
            }
        }
        return seen;
    }
}
