package dev.flotilla.cli;

import dev.flotilla.engine.revision.GraphProblem;
import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.revision.RevisionGraph;
import dev.flotilla.engine.script.NewRevision;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Decides what a new revision's header will be, as Alembic's {@code ScriptDirectory.generate_revision}
 * does: the parents from {@code --head} (one head unless told otherwise; a head unless
 * {@code --splice}), {@code depends_on} resolved to full ids (branch labels kept as written), and a
 * check that the graph stays valid with the new revision in it, so that nothing is written when it
 * would not. Writes nothing itself. Not thread-safe when the random generator is not.
 */
final class RevisionPlanner {

    private final Clock clock;
    private final RandomGenerator random;

    RevisionPlanner(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    NewRevision plan(RevisionGraph graph, RevisionRequest request) {
        String id = request.revId() != null ? request.revId() : newId();
        Revision.of(id); // Alembic's id rules, before anything else is looked at
        List<String> parents = parents(graph, request);
        List<String> dependsOn = request.dependsOn().stream().map(dep -> resolveDependency(graph, dep)).toList();
        NewRevision spec = new NewRevision(id, parents, request.branchLabels(), dependsOn, request.message(),
                OffsetDateTime.now(clock));
        List<Revision> all = new ArrayList<>(graph.revisions());
        all.add(spec.toRevision(null));
        List<GraphProblem> problems = RevisionGraph.validate(all);
        if (!problems.isEmpty()) {
            throw new InputException("Revision " + id + " cannot be added; nothing was written:\n"
                    + problems.stream().map(p -> "  " + p.message()).collect(Collectors.joining("\n")));
        }
        return spec;
    }

    /** Twelve random lower-case hex digits, like Alembic's {@code uuid4().hex[-12:]}. */
    String newId() {
        return String.format("%012x", random.nextLong() & 0xFFFF_FFFF_FFFFL);
    }


    private static List<String> parents(RevisionGraph graph, RevisionRequest request) {
        List<Revision> parents = new ArrayList<>();
        for (String head : request.heads()) {
            if ("head".equals(head) && graph.heads().size() > 1) {
                throw multipleHeads(graph);
            }
            parents.addAll(graph.revisions(head));
        }
        List<String> ids = parents.stream().map(Revision::id).toList();
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new InputException("Duplicate head revisions specified");
        }
        if (!request.splice()) {
            for (String id : ids) {
                if (!graph.isHead(id)) {
                    throw new InputException("Revision " + id + " is not a head revision; please specify"
                            + " --splice to create a new branch from this revision");
                }
            }
        }
        return ids;
    }

    /** As Alembic: a branch label stays as written, anything else becomes the full id it names. */
    private static String resolveDependency(RevisionGraph graph, String dependency) {
        Revision target = graph.get(dependency);
        if (target == null) {
            throw new InputException("--depends-on " + dependency + " names no revision; give a revision id or a branch label");
        }
        return graph.branchLabels(target.id()).contains(dependency) ? dependency : target.id();
    }

    private static InputException multipleHeads(RevisionGraph graph) {
        String heads = graph.heads().stream()
                .map(id -> "  " + id + labels(graph, id))
                .collect(Collectors.joining("\n"));
        return new InputException("Multiple heads are present; please specify the head revision on which"
                + " the new revision should be based, or perform a merge.\n" + heads
                + "\nPass --head REV (or --head LABEL@head), or merge them with `flotilla merge -m MESSAGE heads`.");
    }

    private static String labels(RevisionGraph graph, String id) {
        return graph.branchLabels(id).isEmpty() ? "" : " (" + String.join(", ", graph.branchLabels(id)) + ")";
    }
}
