package dev.flotilla.run;

import java.util.ArrayList;
import java.util.HashSet;
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
 * rule as canaries: a wave is a larger canary for the waves after it. Tenants that end before anything is
 * scheduled (already at the target, or dirty or unreadable: {@code failed}) are never run by a phase, but
 * a tagged one still counts for its canary tag's or wave's gate: a {@code --canary-tag} canary that is
 * dirty has not succeeded. {@code --canary N} takes the first N tenants with work to do.
 *
 * @param name    for messages: {@code canary}, {@code wave 'gold'}, {@code rest}
 * @param tenants its tenants to run, in selection order
 * @param members every tenant its gate looks at: its tenants and the tagged ones that ended before it
 * @param gate    the stop reason when one of them failed; empty when failures only count against the budget
 */
record Phases(String name, List<TenantPlan> tenants, List<TenantPlan> members, Optional<String> gate) {

    /**
     * The phases for {@code work}, the tenants that have work to do, out of {@code selected}, every tenant
     * of the run in selection order; none without a tenant to run or to look at.
     */
    static List<Phases> of(RunSettings settings, List<TenantPlan> selected, List<TenantPlan> work) {
        List<Phases> phases = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        Set<String> toRun = new HashSet<>();
        work.forEach(plan -> toRun.add(plan.id()));
        List<TenantPlan> canaries = settings.canaryTag().map(tag -> tagged(selected, tag))
                .orElse(work.subList(0, Math.min(settings.canary(), work.size())));
        add(phases, taken, toRun, "canary", canaries, Optional.of("canary failed"));
        for (String tag : settings.waves()) {
            add(phases, taken, toRun, "wave '" + tag + "'", tagged(selected, tag),
                    Optional.of("wave '" + tag + "' had failures"));
        }
        add(phases, taken, toRun, "rest", work, Optional.empty());
        return phases;
    }

    /**
     * Why the run stops after this phase, from how its tenants ended: empty when it has no gate or all of
     * them succeeded. A failed tenant gives the gate's reason; else the first tenant that ended otherwise is
     * named with its outcome, e.g. {@code canary did not succeed: t01 locked}, so that the skipped rest do
     * not read as if a canary had failed.
     */
    Optional<String> stopReason(Results results) {
        List<TenantResult> unsuccessful = gate.isEmpty() ? List.of() : results.unsuccessful(members);
        if (unsuccessful.isEmpty()) {
            return Optional.empty();
        }
        if (unsuccessful.stream().anyMatch(result -> result.outcome().isFailure())) {
            return gate;
        }
        TenantResult first = unsuccessful.get(0);
        return Optional.of(name + " did not succeed: " + first.tenant() + " " + first.outcome().label());
    }

    private static List<TenantPlan> tagged(List<TenantPlan> plans, String tag) {
        return plans.stream().filter(plan -> plan.tenant().tags().contains(tag)).toList();
    }

    /**
     * Adds the phase of {@code members} no earlier phase has: it runs those of them with work to do (ids in
     * {@code toRun}), and its gate looks at all of them.
     */
    private static void add(List<Phases> phases, Set<String> taken, Set<String> toRun, String name,
                            List<TenantPlan> members, Optional<String> gate) {
        List<TenantPlan> fresh = members.stream().filter(plan -> !taken.contains(plan.id())).toList();
        fresh.forEach(plan -> taken.add(plan.id()));
        List<TenantPlan> tenants = fresh.stream().filter(plan -> toRun.contains(plan.id())).toList();
        if (!tenants.isEmpty() || (gate.isPresent() && !fresh.isEmpty())) {
            phases.add(new Phases(name, tenants, fresh, gate));
        }
    }
}
