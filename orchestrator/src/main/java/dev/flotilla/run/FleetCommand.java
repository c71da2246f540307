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
import java.util.Objects;

/**
 * What a fleet run does to each tenant: {@code upgrade}, {@code downgrade} or {@code stamp} to a target, as
 * the engine plans and runs it. Immutable and thread-safe.
 */
public final class FleetCommand {

    /** How one tenant would move: the steps in order, and its version rows afterwards. */
    record Planned(List<Step> steps, List<String> after, boolean changes) {
    }

    private interface Planning {
        Planned plan(RevisionGraph graph, List<String> current);
    }

    private interface Action {
        RunResult apply(TenantMigrations tenant, MigrationListener listener);
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
                (graph, current) -> moved(graph, current, new Planner(graph).upgrade(current, target)),
                (tenant, listener) -> tenant.upgrade(target, listener));
    }

    /** Downgrade each tenant to {@code target} ({@code base}, {@code -1}, a revision). */
    public static FleetCommand downgrade(String target) {
        Objects.requireNonNull(target, "target");
        return new FleetCommand("downgrade", target,
                (graph, current) -> moved(graph, current, new Planner(graph).downgrade(current, target)),
                (tenant, listener) -> tenant.downgrade(target, listener));
    }

    /** Set each tenant's version rows to {@code revisions} without running steps; {@code purge} deletes every row first. */
    public static FleetCommand stamp(List<String> revisions, boolean purge) {
        List<String> targets = List.copyOf(revisions);
        return new FleetCommand("stamp", String.join(" ", targets), (graph, current) -> {
            VersionRows rows = new VersionRows(graph, current);
            if (purge) {
                rows.purge();
            }
            rows.stamp(targets);
            return new Planned(List.of(), rows.rows(), !new HashSet<>(rows.rows()).equals(new HashSet<>(current)));
        }, (tenant, listener) -> tenant.stamp(targets, purge, listener));
    }

    /** {@code upgrade}, {@code downgrade} or {@code stamp}. */
    public String name() {
        return name;
    }

    /** The target as given ({@code heads}, {@code -1}; a stamp's revisions joined by spaces). */
    public String target() {
        return target;
    }

    /** How a tenant at {@code current} would move; throws the engine's exception for a target it cannot reach. */
    Planned plan(RevisionGraph graph, List<String> current) {
        return planning.plan(graph, current);
    }

    RunResult apply(TenantMigrations tenant, MigrationListener listener) {
        return action.apply(tenant, listener);
    }

    private static Planned moved(RevisionGraph graph, List<String> current, List<Step> steps) {
        VersionRows rows = new VersionRows(graph, current);
        steps.forEach(rows::apply);
        return new Planned(steps, rows.rows(), !steps.isEmpty());
    }

    @Override
    public String toString() {
        return name + " " + target;
    }
}
