package dev.flotilla.run;

import dev.flotilla.registry.Tenant;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one tenant stands before the run and what the run would do to it, from a survey reading.
 * Immutable.
 *
 * @param tenant      the tenant
 * @param from        its version rows (empty: base, or no version table)
 * @param steps       the revisions a run would apply or take back, in order
 * @param after       its version rows once done
 * @param changes     whether the run would write anything (false: already at the target)
 * @param problem     why it cannot run: dirty, or a target its revisions cannot reach; empty when it can
 * @param unreachable why its server or file could not be read; empty when it could
 */
record TenantPlan(Tenant tenant, List<String> from, List<String> steps, List<String> after, boolean changes,
                  Optional<String> problem, Optional<String> unreachable) {

    TenantPlan {
        Objects.requireNonNull(tenant, "tenant");
        from = List.copyOf(from);
        steps = List.copyOf(steps);
        after = List.copyOf(after);
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(unreachable, "unreachable");
    }

    static TenantPlan unreachable(Tenant tenant, String error) {
        return new TenantPlan(tenant, List.of(), List.of(), List.of(), true, Optional.empty(), Optional.of(error));
    }

    static TenantPlan problem(Tenant tenant, List<String> from, String problem) {
        return new TenantPlan(tenant, from, List.of(), from, true, Optional.of(problem), Optional.empty());
    }

    String id() {
        return tenant.id();
    }

    String server() {
        return tenant.server();
    }

    /** True when the tenant is to be scheduled: reachable, able to run, and not at the target. */
    boolean needsWork() {
        return changes && problem.isEmpty() && unreachable.isEmpty();
    }
}
