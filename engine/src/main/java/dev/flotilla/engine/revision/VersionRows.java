package dev.flotilla.engine.revision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How each step changes the version rows, following Alembic's {@code HeadMaintainer}: an upgrade moves
 * the row of its parent, inserts a row when none of its parents is a row (a new base or branch), and
 * folds several rows into one at a merge; a downgrade does the reverse. Dependencies count as parents
 * here, as in Alembic, so a dependency that was a head stops being a row once something needs it.
 * {@link #stamp} and {@link #purge} change the rows without steps, as {@code alembic stamp [--purge]}.
 *
 * <p>Instances track the rows as steps are applied; not thread-safe. Arguments and their elements are
 * never null.
 */
public final class VersionRows {

    private final RevisionGraph graph;
    private final Set<String> heads;

    public VersionRows(RevisionGraph graph, Collection<String> current) {
        this.graph = graph;
        this.heads = new LinkedHashSet<>(current);
    }

    /** The rows as they stand after the steps applied so far. */
    public List<String> rows() {
        return List.copyOf(heads);
    }

    /** The changes this step makes to the rows; the tracked rows move on accordingly. */
    public List<VersionRowChange> apply(Step step) {
        Node n = graph.node(step.revision().id());
        List<String> downs = n.normalizedDown();
        List<VersionRowChange> changes = new ArrayList<>();
        if (step.direction() == Direction.UP) {
            upgrade(n, downs, changes);
        } else {
            downgrade(n, downs, changes);
        }
        return changes;
    }

    /**
     * Stamps the rows to these targets without running any revision, as {@code alembic stamp}: returns
     * the changes in order and moves the tracked rows. Targets are any identifiers
     * {@link RevisionGraph#revisions(String)} accepts ({@code heads}, {@code base}, {@code label@head},
     * ids and prefixes); several targets stamp several branches at once; no target means {@code base},
     * which deletes every row in the targets' lineage. A target already a row changes nothing.
     *
     * <p>As in Alembic, the rows that share lineage with any of the targets all move to each target
     * that is not yet a row: stamping {@code heads} over rows on two branches where one is already at
     * its head folds that row into the other branch's head. Stamp one branch at a time
     * ({@code label@head}) to move one row only.
     *
     * <p>Throws {@link RevisionException}, leaving the rows as they were, when a target is blank or
     * cannot be resolved, when {@code head} names several heads, when rows lie both above and below a
     * target, or when two targets would move the same row (Alembic fails there too; stamp them one at
     * a time).
     */
    public List<VersionRowChange> stamp(Collection<String> targets) {
        List<String> named = List.copyOf(targets);
        if (named.stream().anyMatch(String::isBlank)) {
            throw new RevisionException("Cannot stamp " + named + ": a target is blank; name a revision, or "
                    + "stamp 'base' (or no target at all) to delete the version rows.");
        }
        List<Stamp.Move> moves = new Stamp(graph).moves(heads, named);
        Set<String> before = new LinkedHashSet<>(heads);
        List<VersionRowChange> changes = new ArrayList<>();
        try {
            for (Stamp.Move move : moves) {
                stampMove(move, String.join(" ", named), changes);
            }
        } catch (RevisionException e) {
            heads.clear();
            heads.addAll(before);
            throw e;
        }
        return changes;
    }

    /**
     * Deletes every row, as {@code alembic stamp --purge} does before stamping; returns one delete per row
     * so that the runner can issue them in the stamp's transaction.
     */
    public List<VersionRowChange> purge() {
        List<VersionRowChange> changes = new ArrayList<>();
        for (String row : List.copyOf(heads)) {
            delete(row, changes);
        }
        return changes;
    }

    /** Alembic's {@code HeadMaintainer.update_to_step} for a {@code StampStep}. */
    private void stampMove(Stamp.Move move, String targets, List<VersionRowChange> changes) {
        if (move.deletesBranch()) {
            delete(requireRow(move.from().get(0), targets), changes);
        } else if (move.createsBranch(heads)) {
            insert(move.to(), changes);
        } else if (move.from().isEmpty()) {
            throw new RevisionException("Cannot stamp " + targets + ": revision " + move.to() + " is reached by more "
                    + "than one target; name it once.");
        } else {
            List<String> from = move.from();
            for (String d : from.subList(0, from.size() - 1)) {
                delete(requireRow(d, targets), changes);
            }
            String last = requireRow(from.get(from.size() - 1), targets);
            if (heads.contains(move.to())) {
                throw new RevisionException("Cannot stamp " + targets + ": an earlier target already made "
                        + move.to() + " a version row, and moving " + last + " onto it would leave one row for "
                        + "two branches. Stamp the targets one at a time.");
            }
            update(last, move.to(), changes);
        }
    }

    /** A row a stamp move starts from; an earlier move of the same stamp may have taken it already. */
    private String requireRow(String id, String targets) {
        if (!heads.contains(id)) {
            throw new RevisionException("Cannot stamp " + targets + ": the version row " + id + " would be moved "
                    + "by more than one target. Stamp the targets one at a time.");
        }
        return id;
    }

    private void upgrade(Node n, List<String> downs, List<VersionRowChange> changes) {
        List<String> present = downs.stream().filter(heads::contains).toList();
        if (downs.isEmpty() || present.isEmpty()) {
            insert(n.id(), changes);
        } else if (downs.size() > 1 && present.size() > 1) {
            List<String> from = new ArrayList<>(downs);
            from.removeAll(ancestorsOfOtherHeads(downs));
            for (String d : from.subList(0, from.size() - 1)) {
                delete(d, changes);
            }
            update(from.get(from.size() - 1), n.id(), changes);
        } else {
            update(present.size() == 1 ? present.get(0) : downs.get(0), n.id(), changes);
        }
    }

    private void downgrade(Node n, List<String> downs, List<VersionRowChange> changes) {
        if (!heads.contains(n.id())) {
            throw new RevisionException("Cannot take back " + n.id() + ": it is not a current head (rows: "
                    + String.join(", ", heads) + ").");
        }
        List<String> to = unmergeTargets(n, downs);
        if (downs.isEmpty() || to.isEmpty()) {
            delete(n.id(), changes);
        } else if (downs.size() > 1) {
            for (String d : to.subList(0, to.size() - 1)) {
                insert(d, changes);
            }
            update(n.id(), to.get(to.size() - 1), changes);
        } else {
            update(n.id(), downs.get(0), changes);
        }
    }

    /** The parents that become rows again when {@code n} is taken back: those no other row implies. */
    private List<String> unmergeTargets(Node n, List<String> downs) {
        Set<String> others = new LinkedHashSet<>(heads);
        others.remove(n.id());
        if (others.isEmpty()) {
            return downs;
        }
        Set<String> implied = idsOf(graph.ancestors(graph.nodes(others), true));
        return downs.stream().filter(d -> !implied.contains(d)).toList();
    }

    private Set<String> ancestorsOfOtherHeads(List<String> downs) {
        Set<String> others = new LinkedHashSet<>(heads);
        others.removeAll(downs);
        return others.isEmpty() ? Set.of() : idsOf(graph.ancestors(graph.nodes(others), true));
    }

    private static Set<String> idsOf(Collection<Node> nodes) {
        Set<String> out = new LinkedHashSet<>();
        nodes.forEach(n -> out.add(n.id()));
        return out;
    }

    private void insert(String id, List<VersionRowChange> changes) {
        if (!heads.add(id)) {
            throw new RevisionException("Revision " + id + " is already a version row.");
        }
        changes.add(new VersionRowChange.Insert(id));
    }

    private void delete(String id, List<VersionRowChange> changes) {
        heads.remove(id);
        changes.add(new VersionRowChange.Delete(id));
    }

    private void update(String from, String to, List<VersionRowChange> changes) {
        if (heads.contains(to)) {
            throw new RevisionException("Revision " + to + " is already a version row.");
        }
        heads.remove(from);
        heads.add(to);
        changes.add(new VersionRowChange.Update(from, to));
    }
}
