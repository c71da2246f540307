package dev.flotilla.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The order a run takes its tenants in: canaries first, then a wave per tag, then the rest. Each phase
 * ends before the next starts; a phase with a gate (the canaries, each wave) stops the run unless every one
 * of its tenants succeeded.
 *
 * <p>Succeeded means ended {@code migrated}, or {@code unchanged} (another run took it to the target after
 * the survey: it is there). A tenant that ended {@code locked} (another run holds it) or {@code skipped}
 * (its server's circuit is open) did not fail, but the migration was not shown to work on it either, and
 * that is what a canary or a wave is for; so those stop the run as a failure does. Waves follow the same
 * rule as canaries: a wave is a larger canary for the waves after it. Tenants already at the target, or
 * that cannot be planned (dirty, unreadable), end before the phases are made and are in none of them.
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

    /**
     * Why the run stops after this phase, from how its tenants ended: empty when it has no gate or all of
     * them succeeded. A failed tenant gives the gate's reason; else the first tenant that ended otherwise is
     * named with its outcome, e.g. {@code canary did not succeed: t01 locked}, so that the skipped rest do
     * not read as if a canary had failed.
     */
    Optional<String> stopReason(Results results) {
        List<TenantResult> unsuccessful = gate.isEmpty() ? List.of() : results.unsuccessful(tenants);
        if (unsuccessful.isEmpty()) {
            return Optional.empty();
        }
        if (unsuccessful.stream().anyMatch(result -> result.outcome().isFailure())) {
            return gate;
        }
        TenantResult first = unsuccessful.get(0);
        return Optional.of(name + " did not succeed: " + first.tenant() + " " + first.outcome().label());
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
