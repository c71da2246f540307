package dev.flotilla.run;

import dev.flotilla.engine.EngineException;
import dev.flotilla.engine.migrate.DirtyTargetException;
import dev.flotilla.engine.migrate.TargetStatus;
import dev.flotilla.engine.revision.RevisionGraph;
import dev.flotilla.engine.revision.Step;
import dev.flotilla.registry.Tenant;
import dev.flotilla.survey.Reading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plans every selected tenant from its survey reading with the engine's planner. Stateless. */
final class Plans {

    private Plans() {
    }

    /**
     * One plan per tenant, in the order given. Tenants at the same revisions share one planning (a fleet is
     * mostly at a few revisions), so planning 10,000 tenants costs a handful of planner calls; an undo, whose
     * targets are per tenant, shares it between tenants that also have the same thing to undo.
     */
    static List<TenantPlan> of(FleetCommand command, RevisionGraph graph, List<Tenant> tenants,
                               Map<String, Reading> readings) {
        List<TenantPlan> plans = new ArrayList<>(tenants.size());
        Map<Object, TenantPlan> shared = new HashMap<>();
        for (Tenant tenant : tenants) {
            Reading reading = readings.get(tenant.id());
            if (reading instanceof Reading.Found found && !found.status().isDirty()) {
                TenantPlan same = shared.computeIfAbsent(command.sharingKey(tenant.id(), found.status().revisions()),
                        key -> plan(command, graph, tenant, found.status()));
                // A problem names its tenant, so each tenant with one gets its own.
                plans.add(same.problem().isPresent() ? plan(command, graph, tenant, found.status())
                        : new TenantPlan(tenant, same.from(), same.steps(), same.after(), same.changes(),
                                Optional.empty(), Optional.empty()));
            } else if (reading instanceof Reading.Found found) {
                plans.add(plan(command, graph, tenant, found.status()));
            } else {
                String error = reading instanceof Reading.Unreachable unreachable ? unreachable.error()
                        : "tenant '" + tenant.id() + "': the survey returned no reading";
                plans.add(TenantPlan.unreachable(tenant, error));
            }
        }
        return plans;
    }

    static TenantPlan plan(FleetCommand command, RevisionGraph graph, Tenant tenant, TargetStatus status) {
        List<String> current = status.revisions();
        if (status.isDirty()) {
            String name = "tenant '" + tenant.id() + "'";
            return TenantPlan.problem(tenant, current, new DirtyTargetException(name, status.dirtyStep().get(),
                    "repair --tenant " + tenant.id()).getMessage());
        }
        try {
            FleetCommand.Planned planned = command.plan(graph, tenant.id(), current);
            List<String> steps = planned.steps().stream().map(Step::revision).map(r -> r.id()).toList();
            return new TenantPlan(tenant, current, steps, planned.after(), planned.changes(), Optional.empty(),
                    Optional.empty());
        } catch (EngineException e) {
            return TenantPlan.problem(tenant, current, "tenant '" + tenant.id() + "': " + e.getMessage());
        }
    }
}
