package dev.flotilla.status;

import dev.flotilla.engine.migrate.HistoryEntry;
import dev.flotilla.engine.migrate.TargetStatus;
import dev.flotilla.engine.revision.Planner;
import dev.flotilla.engine.revision.RevisionException;
import dev.flotilla.engine.revision.RevisionGraph;
import dev.flotilla.registry.Tenant;
import dev.flotilla.survey.Reading;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns survey readings into the skew report: each tenant's state and how many steps it lacks, measured
 * with the planner that {@code upgrade heads} uses, so "behind 3" means the upgrade would run 3 steps.
 * Thread-safe: the graph is immutable and the memo of steps per set of version rows is concurrent.
 */
public final class SkewAnalysis {

    private static final String HEADS = "heads";

    private final RevisionGraph graph;
    private final Planner planner;
    private final List<String> graphOrder;
    /** Steps to the heads per set of version rows: thousands of tenants share a handful of them. */
    private final Map<List<String>, Integer> stepsByRows = new ConcurrentHashMap<>();

    public SkewAnalysis(RevisionGraph graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.planner = new Planner(graph);
        List<String> order = new ArrayList<>();
        if (!graph.isEmpty()) {
            graph.walk(null, null).forEach(r -> order.add(r.id()));
        }
        Collections.reverse(order); // walk lists newest first
        this.graphOrder = List.copyOf(order);
    }

    /**
     * The report for {@code tenants}, in their order; a tenant without a reading is {@code unreachable}.
     *
     * @param time when the readings were taken
     */
    public SkewReport report(List<Tenant> tenants, Map<String, Reading> readings, Instant time) {
        List<TenantStatus> lines = new ArrayList<>(tenants.size());
        for (Tenant tenant : tenants) {
            Reading reading = readings.get(tenant.id());
            lines.add(reading == null
                    ? new TenantStatus(tenant.id(), tenant.server(), List.of(), TenantState.UNREACHABLE, null,
                            "not read")
                    : classify(tenant.server(), reading));
        }
        return new SkewReport(time, graph.heads(), graphOrder, lines);
    }

    /** One tenant's line from its reading. */
    public TenantStatus classify(String server, Reading reading) {
        if (reading instanceof Reading.Unreachable unreachable) {
            return new TenantStatus(unreachable.tenant(), server, List.of(), TenantState.UNREACHABLE, null,
                    withoutTenant(unreachable.tenant(), unreachable.error()));
        }
        Reading.Found found = (Reading.Found) reading;
        return classify(found.tenant(), server, found.status(), found.lastRun());
    }

    private TenantStatus classify(String id, String server, TargetStatus status, Optional<HistoryEntry> lastRun) {
        List<String> revisions = status.revisions();
        if (!status.initialized()) {
            return new TenantStatus(id, server, revisions, TenantState.UNINITIALIZED, stepsToHeads(List.of()), null);
        }
        List<String> unknown = revisions.stream().filter(r -> graph.find(r).isEmpty()).toList();
        if (status.dirtyStep().isPresent()) {
            Integer behind = unknown.isEmpty() ? plannedOrNull(revisions) : null;
            return new TenantStatus(id, server, revisions, TenantState.DIRTY, behind, dirty(status.dirtyStep().get()));
        }
        if (!unknown.isEmpty()) {
            return new TenantStatus(id, server, revisions, TenantState.AHEAD, null,
                    "at " + String.join(", ", unknown) + ", which the scripts do not have (migrated by a newer release?)");
        }
        try {
            int behind = stepsToHeads(revisions);
            return new TenantStatus(id, server, revisions, behind == 0 ? TenantState.CURRENT : TenantState.BEHIND,
                    behind, behind == 0 ? null : lastRun.filter(run -> run.outcome() == HistoryEntry.Outcome.FAILED)
                    .map(SkewAnalysis::failedRun).orElse(null));
        } catch (RevisionException e) {
            // Version rows no upgrade can start from (one row an ancestor of another): a person must look.
            return new TenantStatus(id, server, revisions, TenantState.DIRTY, null,
                    "its version rows cannot be upgraded from: " + e.getMessage());
        }
    }

    /** The report names the tenant in its own column: "tenant 'acme': " before the error says it twice. */
    private static String withoutTenant(String id, String error) {
        String prefix = "tenant '" + id + "': ";
        return oneLine(error.startsWith(prefix) ? error.substring(prefix.length()) : error);
    }

    /** Drivers break messages over lines; a report keeps one tenant to one line (table, CSV). */
    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private int stepsToHeads(List<String> revisions) {
        if (graph.isEmpty()) {
            return 0;
        }
        Integer known = stepsByRows.get(revisions);
        if (known != null) {
            return known;
        }
        int steps = planner.upgrade(revisions, HEADS).size(); // may throw: such rows are not remembered
        stepsByRows.put(List.copyOf(revisions), steps);
        return steps;
    }

    private Integer plannedOrNull(List<String> revisions) {
        try {
            return stepsToHeads(revisions);
        } catch (RevisionException e) {
            return null;
        }
    }

    /**
     * Why a tenant may be behind: its last step failed and rolled back. Worth saying, because running the
     * same upgrade again will most likely fail the same way.
     */
    private static String failedRun(HistoryEntry step) {
        String error = step.error() == null ? "" : ": " + oneLine(step.error());
        return "the last run's " + step.action().name().toLowerCase(java.util.Locale.ROOT) + " of " + step.revision()
                + " failed at statement " + (step.statementsDone() + 1) + " of " + step.statementsTotal()
                + " and was rolled back" + error;
    }

    /** The dirty step in one line: which revision, how far it got, and its error. */
    private static String dirty(HistoryEntry step) {
        String how = step.outcome() == HistoryEntry.Outcome.RUNNING ? "interrupted" : "failed";
        String error = step.error() == null ? "" : ": " + oneLine(step.error());
        return "the " + step.action().name().toLowerCase(java.util.Locale.ROOT) + " of " + step.revision() + " "
                + how + " after statement " + step.statementsDone() + " of " + step.statementsTotal() + error;
    }
}
