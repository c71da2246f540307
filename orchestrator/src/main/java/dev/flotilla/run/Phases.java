package dev.flotilla.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The order a run takes its tenants in: canaries first, then a wave per tag, then the rest. Each phase
 * ends before the next starts; a phase with a gate stops the run when one of its tenants failed.
 *
 * @param name    for messages: {@code canary}, {@code wave 'gold'}, {@code rest}
 * @param tenants its tenants, in selection order
 * @param gate    the stop reason when one of them failed; empty when failures only count against the budget
 */
record Phases(String name, List<TenantPlan> tenants, Optional<String> gate) {

    /** The phases for the tenants that have work to do, none empty. */
    static List<Phases> of(RunSettings settings, List<TenantPlan> work) {
        List<Phases> phases = new ArrayList<>();
        Set<String> taken = new LinkedHashSet<>();
        List<TenantPlan> canaries = canaries(settings, work);
        add(phases, taken, new Phases("canary", canaries, Optional.of("canary failed")));
        for (String tag : settings.waves()) {
            List<TenantPlan> wave = work.stream().filter(plan -> plan.tenant().tags().contains(tag)).toList();
            add(phases, taken, new Phases("wave '" + tag + "'", wave, Optional.of("wave '" + tag + "' had failures")));
        }
        add(phases, taken, new Phases("rest", work, Optional.empty()));
        return phases;
    }

    private static List<TenantPlan> canaries(RunSettings settings, List<TenantPlan> work) {
        if (settings.canaryTag().isPresent()) {
            String tag = settings.canaryTag().get();
            return work.stream().filter(plan -> plan.tenant().tags().contains(tag)).toList();
        }
        return work.subList(0, Math.min(settings.canary(), work.size()));
    }

    /** Adds the phase with the tenants no earlier phase has. */
    private static void add(List<Phases> phases, Set<String> taken, Phases phase) {
        List<TenantPlan> fresh = phase.tenants().stream().filter(plan -> !taken.contains(plan.id())).toList();
        fresh.forEach(plan -> taken.add(plan.id()));
        if (!fresh.isEmpty()) {
            phases.add(new Phases(phase.name(), fresh, phase.gate()));
        }
    }
}
