package dev.flotilla.engine.revision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alembic's {@code _topological_sort}: orders a set of revisions from the given heads downwards, walking
 * one branch as far as it can before switching to another, and never emitting a revision while another
 * pending head still needs it. Reversed, this is the order in which an upgrade applies revisions.
 * Following it exactly is what makes our plans match Alembic's step for step.
 */
final class TopologicalOrder {

    private final RevisionGraph graph;

    TopologicalOrder(RevisionGraph graph) {
        this.graph = graph;
    }

    List<Node> sort(Collection<Node> revisions, Collection<Node> heads) {
        Set<Node> todo = new HashSet<>(revisions);
        Map<String, Node> nodes = graph.nodes();
        List<Node> current = new ArrayList<>();
        for (Node n : nodes.values()) {
            if (heads.contains(n) && todo.contains(n)) {
                current.add(n);
            }
        }
        List<Set<Node>> ancestorsByIndex = new ArrayList<>();
        for (Node h : current) {
            ancestorsByIndex.add(ancestors(h));
        }
        List<Node> output = new ArrayList<>();
        int candidateIndex = 0;
        while (!current.isEmpty()) {
            Node candidate = current.get(candidateIndex);
            int blockedBy = -1;
            for (int i = 0; i < ancestorsByIndex.size(); i++) {
                if (i != candidateIndex && ancestorsByIndex.get(i).contains(candidate)) {
                    blockedBy = i;
                    break;
                }
            }
            if (blockedBy >= 0) {
                // another head still needs this revision: walk that head first
                candidateIndex = blockedBy;
                continue;
            }
            if (todo.remove(candidate)) {
                output.add(candidate);
            }
            List<Node> toAdd = new ArrayList<>();
            for (String id : candidate.normalizedDown()) {
                Node parent = graph.node(id);
                if (todo.contains(parent) && !current.contains(parent)) {
                    toAdd.add(parent);
                }
            }
            if (toAdd.isEmpty()) {
                current.remove(candidateIndex);
                ancestorsByIndex.remove(candidateIndex);
                candidateIndex = Math.max(candidateIndex - 1, 0);
            } else if (candidate.normalizedDependencies.isEmpty() && candidate.down().size() == 1) {
                current.set(candidateIndex, toAdd.get(0));
                ancestorsByIndex.get(candidateIndex).remove(candidate);
            } else {
                current.set(candidateIndex, toAdd.get(0));
                ancestorsByIndex.set(candidateIndex, ancestors(toAdd.get(0)));
                for (Node extra : toAdd.subList(1, toAdd.size())) {
                    current.add(extra);
                    ancestorsByIndex.add(ancestors(extra));
                }
            }
        }
        if (!todo.isEmpty()) {
            throw new RevisionException("Cannot order revisions " + todo.stream().map(Node::id).sorted().toList()
                    + " below the requested heads; name the range with revisions on one line of history.");
        }
        return output;
    }

    private Set<Node> ancestors(Node n) {
        return new HashSet<>(graph.ancestors(List.of(n), true));
    }
}
