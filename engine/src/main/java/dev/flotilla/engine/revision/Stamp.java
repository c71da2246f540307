package dev.flotilla.engine.revision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Alembic's {@code ScriptDirectory._stamp_revs}: the moves that stamp the version rows to some targets
 * without running any revision. Each target is placed relative to the current rows that share its
 * lineage (dependencies included): below them it is a downgrade, above them an upgrade, and with none
 * it is a new branch; {@code base} deletes them. {@link VersionRows#stamp} applies the moves with
 * Alembic's {@code HeadMaintainer} rules. Stateless; thread-safe.
 */
final class Stamp {

    /**
     * Alembic's {@code StampStep}: the rows {@code from} become {@code to} (null: deleted). A
     * {@code branchMove} creates a branch (upgrade) or deletes one (downgrade, {@code to} null).
     */
    record Move(List<String> from, String to, boolean upgrade, boolean branchMove) {

        Move {
            from = List.copyOf(from);
        }

        /** {@code should_delete_branch}. */
        boolean deletesBranch() {
            return !upgrade && branchMove;
        }

        /** {@code should_create_branch}: a new branch, or an upgrade whose rows an earlier move took. */
        boolean createsBranch(Set<String> rows) {
            return upgrade && (branchMove || !rows.containsAll(from)) && !rows.contains(to);
        }

        /** {@code should_merge_branches}; a stamp never unmerges, as {@code to} is a single revision. */
        boolean mergesBranches() {
            return from.size() > 1;
        }
    }

    private final RevisionGraph graph;
    private final Resolver resolver;

    Stamp(RevisionGraph graph) {
        this.graph = graph;
        this.resolver = graph.resolver();
    }

    /** The moves from these rows to these targets (empty: {@code base}), computed before any is applied. */
    List<Move> moves(Collection<String> rows, List<String> targets) {
        try {
            return plan(rows, targets.isEmpty() ? List.of("base") : targets);
        } catch (MultipleHeads e) {
            throw new RevisionException("Multiple heads are present for '" + e.argument() + "' ("
                    + String.join(", ", e.heads()) + "); please specify a single target revision to stamp, "
                    + "or 'heads' to stamp every head.");
        }
    }

    private List<Move> plan(Collection<String> rows, List<String> targets) {
        List<Node> current = known(resolver.many(rows));
        Set<Node> filtered = new LinkedHashSet<>();
        for (String target : targets) {
            filtered.addAll(resolver.filterNodesForLineage(current, target, true));
        }
        List<Node> dests = resolver.many(targets);
        if (dests.isEmpty()) {
            dests = Collections.singletonList(null);
        }
        List<Move> moves = new ArrayList<>();
        for (Node dest : dests) {
            if (dest == Resolver.BASE) {
                throw new RevisionException("Cannot stamp " + String.join(" ", targets) + ": it walks down past "
                        + "every revision; stamp 'base' to delete the version rows.");
            }
            if (dest == null) {
                filtered.forEach(head -> moves.add(new Move(List.of(head.id()), null, false, true)));
            } else if (!filtered.contains(dest)) {
                moves.add(moveTo(dest, filtered));
            }
        }
        return moves;
    }

    /** Downgrade when rows lie above the target, upgrade when they lie below, else a new branch. */
    private Move moveTo(Node dest, Set<Node> filtered) {
        List<String> above = idsIn(graph.descendants(List.of(dest), true), filtered);
        List<String> below = idsIn(graph.ancestors(List.of(dest), true), filtered);
        List<String> from = filtered.stream().map(Node::id).toList();
        if (!above.isEmpty()) {
            if (!below.isEmpty()) {
                throw new RevisionException("Cannot stamp " + dest.id() + ": version rows " + String.join(", ", above)
                        + " lie above it and " + String.join(", ", below) + " below it. Stamp with purge to "
                        + "replace every row, or stamp each branch on its own.");
            }
            return new Move(from, dest.id(), false, false);
        }
        if (!below.isEmpty()) {
            return new Move(from, dest.id(), true, false);
        }
        return new Move(List.of(), dest.id(), true, true);
    }

    private static List<Node> known(List<Node> nodes) {
        return nodes.stream().filter(n -> n != null && n != Resolver.BASE).toList();
    }

    private static List<String> idsIn(Set<Node> line, Set<Node> filtered) {
        return filtered.stream().filter(line::contains).map(Node::id).toList();
    }
}
