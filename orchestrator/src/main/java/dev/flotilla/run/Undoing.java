package dev.flotilla.run;

import dev.flotilla.TenantMigrations;
import dev.flotilla.engine.EngineException;
import dev.flotilla.engine.migrate.MigrationListener;
import dev.flotilla.engine.migrate.RunResult;
import dev.flotilla.engine.revision.Planner;
import dev.flotilla.engine.revision.RevisionGraph;
import dev.flotilla.engine.revision.Step;
import dev.flotilla.engine.revision.VersionRows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Plans and runs {@code downgrade --undo RUN} for each tenant: a downgrade to the revisions that run found
 * it at, allowed only while the tenant is still where the run left it, and only when that downgrade takes
 * back exactly the steps the run applied. Immutable and thread-safe.
 */
final class Undoing {

    private final String runId;
    private final Map<String, Undo> undos;

    Undoing(String runId, Map<String, Undo> undos) {
        this.runId = runId;
        this.undos = Map.copyOf(undos);
    }

    /** Tenants share a plan only when they stand at the same revisions and have the same thing to undo. */
    Object sharingKey(String tenant, List<String> current) {
        return Arrays.asList(current, undos.get(tenant)); // Arrays.asList: the undo is null for a tenant not in it
    }

    /**
     * Nothing to do when the tenant is back where the run found it (an undo run again); refused when
     * something else moved it since the run, or when no downgrade takes back exactly the run's steps.
     */
    FleetCommand.Planned plan(RevisionGraph graph, String tenant, List<String> current) {
        Undo undo = undoOf(tenant);
        if (same(current, undo.from())) {
            return new FleetCommand.Planned(List.of(), current, false);
        }
        if (!same(current, undo.to())) {
            throw new EngineException("it is at " + text(current) + " now, not at " + text(undo.to())
                    + " where run " + runId + " left it: something moved it since, so the undo leaves it alone");
        }
        List<Step> steps = new Planner(graph).downgrade(current, target(graph, tenant, undo));
        List<String> takenBack = steps.stream().map(step -> step.revision().id()).toList();
        if (!new HashSet<>(takenBack).equals(new HashSet<>(undo.steps()))) {
            throw new EngineException("going back to " + text(undo.from()) + " would take back " + text(takenBack)
                    + ", but run " + runId + " applied " + text(undo.steps()) + byHand(tenant));
        }
        return FleetCommand.moved(graph, current, steps);
    }

    /** Checked again under the tenant's lock: another run may have moved it since the survey read it. */
    RunResult apply(TenantMigrations tenant, RevisionGraph graph, MigrationListener listener) {
        String id = tenant.tenant().id();
        Undo undo = undoOf(id);
        return tenant.downgradeFrom(undo.to(), target(graph, id, undo), listener);
    }

    /**
     * The downgrade target that leaves the tenant exactly at {@code from}: {@code base} when it was empty,
     * else the one revision of it that does (the engine's downgrade takes a single target; with several
     * revisions in {@code from}, one of them may still do, e.g. when the run applied a merge).
     */
    private String target(RevisionGraph graph, String tenant, Undo undo) {
        List<String> candidates = undo.from().isEmpty() ? List.of("base") : undo.from();
        for (String candidate : candidates) {
            if (leavesAt(graph, undo.to(), candidate, undo.from())) {
                return candidate;
            }
        }
        String several = undo.from().size() > 1 ? " (a downgrade to several revisions at once is not supported)" : "";
        throw new EngineException("no downgrade takes it from " + text(undo.to()) + " back to exactly "
                + text(undo.from()) + ", where run " + runId + " found it" + several + byHand(tenant));
    }

    private static boolean leavesAt(RevisionGraph graph, List<String> start, String target, List<String> expected) {
        try {
            VersionRows rows = new VersionRows(graph, start);
            new Planner(graph).downgrade(start, target).forEach(rows::apply);
            return same(rows.rows(), expected);
        } catch (EngineException e) {
            return false; // not a valid downgrade target from there: try the next one
        }
    }

    private Undo undoOf(String tenant) {
        Undo undo = undos.get(tenant);
        if (undo == null) {
            throw new EngineException("run " + runId + " did not move it, so there is nothing to undo");
        }
        return undo;
    }

    private static String byHand(String tenant) {
        return "; take it back by hand: flotilla downgrade --tenant " + tenant + " REV";
    }

    /** Version rows compare as sets: their order is how they were read, not what they mean. */
    private static boolean same(List<String> a, List<String> b) {
        return new HashSet<>(a).equals(new HashSet<>(b));
    }

    private static String text(List<String> revisions) {
        return revisions.isEmpty() ? "<base>" : String.join(", ", revisions);
    }
}
