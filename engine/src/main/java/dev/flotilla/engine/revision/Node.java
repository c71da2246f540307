package dev.flotilla.engine.revision;

import java.util.List;
import java.util.Set;

/**
 * What the graph knows about one revision beyond its header: its resolved dependencies, its children
 * and the branch labels it carries. Built once by {@link RevisionGraph}, never changed afterwards.
 *
 * <p>Alembic keeps these as mutable attributes on its revision objects; keeping them here leaves
 * {@link Revision} a plain value.
 */
final class Node {

    final Revision revision;
    /** {@code depends_on} with branch labels replaced by the revision they name. */
    final List<String> resolvedDependencies;
    /** The resolved dependencies that no ancestor already depends on. */
    final List<String> normalizedDependencies;
    /** Children by {@code down_revision} only, in revision order. */
    final List<String> next;
    /** Children by {@code down_revision} or {@code depends_on}, in revision order. */
    final List<String> allNext;
    /** Own and inherited branch labels, sorted. */
    final Set<String> labels;

    Node(Revision revision, List<String> resolvedDependencies, List<String> normalizedDependencies,
            List<String> next, List<String> allNext, Set<String> labels) {
        this.revision = revision;
        this.resolvedDependencies = List.copyOf(resolvedDependencies);
        this.normalizedDependencies = List.copyOf(normalizedDependencies);
        this.next = List.copyOf(next);
        this.allNext = List.copyOf(allNext);
        this.labels = Set.copyOf(labels);
    }

    String id() {
        return revision.id();
    }

    List<String> down() {
        return revision.downRevisions();
    }

    /** {@code down_revision} then the resolved dependencies, without repeats. */
    List<String> allDown() {
        return Lists.concatDistinct(revision.downRevisions(), resolvedDependencies);
    }

    /** {@code down_revision} then the dependencies no ancestor already has: the immediate parents. */
    List<String> normalizedDown() {
        return Lists.concatDistinct(revision.downRevisions(), normalizedDependencies);
    }

    boolean isBranchPoint() {
        return next.size() > 1;
    }

    boolean isResolvedBranchPoint() {
        return allNext.size() > 1;
    }
}
