package dev.flotilla.status;

import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.revision.RevisionException;
import dev.flotilla.engine.revision.RevisionGraph;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code --min-revision REV}: every tenant must have {@code REV}, i.e. REV is one of its revisions or lies
 * below one of them (through down revisions and {@code depends_on}). A release states the oldest schema
 * its code works with this way. Tenants {@code ahead} pass only when a revision the scripts know has REV:
 * an unknown revision cannot be shown to.
 */
public final class MinRevision implements SkewGate {

    private final RevisionGraph graph;
    private final Revision required;

    /**
     * @param revision a full or partial id, or a branch label, as {@code upgrade} takes it
     * @throws dev.flotilla.engine.revision.RevisionException when the graph does not know it (exit 2)
     */
    public MinRevision(RevisionGraph graph, String revision) {
        this.graph = Objects.requireNonNull(graph, "graph");
        Revision resolved = graph.get(Objects.requireNonNull(revision, "revision"));
        if (resolved == null) {
            throw new RevisionException("--min-revision base holds for every tenant; name a revision");
        }
        this.required = resolved;
    }

    @Override
    public String option() {
        return "--min-revision " + required.id();
    }

    @Override
    public List<String> failures(SkewReport report) {
        return report.tenants().stream().filter(t -> SkewGate.unknowable(t) || !has(t))
                .map(t -> t.isCurrent() || t.state() == TenantState.BEHIND || t.state() == TenantState.AHEAD
                        ? t.id() + ": lacks " + required.id() + " (at " + at(t) + ")"
                        : SkewGate.describe(t))
                .toList();
    }

    private boolean has(TenantStatus tenant) {
        return tenant.state() != TenantState.UNINITIALIZED && applied(tenant.revisions()).contains(required.id());
    }

    private static String at(TenantStatus tenant) {
        return tenant.revisions().isEmpty() ? SkewReport.BASE : String.join(", ", tenant.revisions());
    }

    /** The revisions and every revision they stand on, transitively; unknown revisions add nothing. */
    private Set<String> applied(List<String> revisions) {
        Set<String> applied = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(revisions);
        while (!pending.isEmpty()) {
            String id = pending.pop();
            if (graph.find(id).isPresent() && applied.add(id)) {
                pending.addAll(graph.find(id).get().downRevisions());
                pending.addAll(graph.dependencies(id));
            }
        }
        return applied;
    }
}
