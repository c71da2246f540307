package dev.flotilla.run;

import dev.flotilla.TenantMigrations;
import dev.flotilla.engine.migrate.MigrationListener;
import dev.flotilla.engine.migrate.RunResult;
import dev.flotilla.engine.revision.Planner;
import dev.flotilla.engine.revision.RevisionGraph;
import dev.flotilla.engine.revision.Step;
import dev.flotilla.engine.revision.VersionRows;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a fleet run does to each tenant: {@code upgrade}, {@code downgrade} or {@code stamp} to a target, as
 * the engine plans and runs it, or the undo of a recorded run, which takes each tenant to a target of its
 * own. Immutable and thread-safe.
 */
public final class FleetCommand {

    /** How one tenant would move: the steps in order, and its version rows afterwards. */
    record Planned(List<Step> steps, List<String> after, boolean changes) {
    }

    private interface Planning {
        Planned plan(RevisionGraph graph, String tenant, List<String> current);

        /** Tenants with equal keys get the same plan, made once: by default, those at the same revisions. */
        default Object sharingKey(String tenant, List<String> current) {
            return current;
        }
    }

    private interface Action {
        RunResult apply(TenantMigrations tenant, RevisionGraph graph, MigrationListener listener);
    }

    private final String name;
    private final String target;
    private final Planning planning;
    private final Action action;

    private FleetCommand(String name, String target, Planning planning, Action action) {
        this.name = name;
        this.target = target;
        this.planning = planning;
        this.action = action;
    }

    /** Upgrade each tenant to {@code target} (Alembic's syntax: {@code heads}, {@code +1}, a revision). */
    public static FleetCommand upgrade(String target) {
        Objects.requireNonNull(target, "target");
        return new FleetCommand("upgrade", target,
                (graph, tenant, current) -> moved(graph, current, new Planner(graph).upgrade(current, target)),
                (tenant, graph, listener) -> tenant.upgrade(target, listener));
    }

    /** Downgrade each tenant to {@code target} ({@code base}, {@code -1}, a revision). */
    public static FleetCommand downgrade(String target) {
        Objects.requireNonNull(target, "target");
        return new FleetCommand("downgrade", target,
                (graph, tenant, current) -> moved(graph, current, new Planner(graph).downgrade(current, target)),
                (tenant, graph, listener) -> tenant.downgrade(target, listener));
    }

    /** Set each tenant's version rows to {@code revisions} without running steps; {@code purge} deletes every row first. */
    public static FleetCommand stamp(List<String> revisions, boolean purge) {
        List<String> targets = List.copyOf(revisions);
        return new FleetCommand("stamp", String.join(" ", targets), (graph, tenant, current) -> {
            VersionRows rows = new VersionRows(graph, current);
            if (purge) {
                rows.purge();
            }
            rows.stamp(targets);
            return new Planned(List.of(), rows.rows(), !new HashSet<>(rows.rows()).equals(new HashSet<>(current)));
        }, (tenant, graph, listener) -> tenant.stamp(targets, purge, listener));
    }

    /**
     * Take back what the run {@code runId} applied: each tenant of {@code undos} is downgraded to its own
     * {@code from}. A tenant that is no longer at the run's {@code to} is left alone and fails with a message
     * naming both; one already back at {@code from} is unchanged; one that no single downgrade takes back to
     * exactly {@code from} (some runs over several heads) fails with a message saying to do it by hand. The
     * command is a {@code downgrade} whose target reads {@code --undo RUN}.
     */
    public static FleetCommand undo(String runId, Map<String, Undo> undos) {
        Objects.requireNonNull(runId, "runId");
        Undoing undoing = new Undoing(runId, undos);
        Planning planning = new Planning() {
            @Override
            public Planned plan(RevisionGraph graph, String tenant, List<String> current) {
                return undoing.plan(graph, tenant, current);
            }

            @Override
            public Object sharingKey(String tenant, List<String> current) {
                return undoing.sharingKey(tenant, current);
            }
        };
        return new FleetCommand("downgrade", "--undo " + runId, planning, undoing::apply);
    }

    /** {@code upgrade}, {@code downgrade} or {@code stamp}. */
    public String name() {
        return name;
    }

    /** The target as given ({@code heads}, {@code -1}; a stamp's revisions joined by spaces). */
    public String target() {
        return target;
    }

    /**
     * How {@code tenant} at {@code current} would move; throws the engine's exception for a target it cannot
     * reach.
     */
    Planned plan(RevisionGraph graph, String tenant, List<String> current) {
        return planning.plan(graph, tenant, current);
    }

    /** Tenants whose keys are equal share one plan (see {@link Plans}). */
    Object sharingKey(String tenant, List<String> current) {
        return planning.sharingKey(tenant, current);
    }

    RunResult apply(TenantMigrations tenant, RevisionGraph graph, MigrationListener listener) {
        return action.apply(tenant, graph, listener);
    }

    static Planned moved(RevisionGraph graph, List<String> current, List<Step> steps) {
        VersionRows rows = new VersionRows(graph, current);
        steps.forEach(rows::apply);
        return new Planned(steps, rows.rows(), !steps.isEmpty());
    }

    @Override
    public String toString() {
        return name + " " + target;
    }
}
