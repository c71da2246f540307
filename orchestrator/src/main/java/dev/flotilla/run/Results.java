package dev.flotilla.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The results of one run as they come in from worker threads: each goes to the listener at once, failures
 * are counted against the budget, and the summary lists them in selection order. Thread-safe.
 */
final class Results {

    private final List<String> order;
    private final Map<String, TenantResult> byTenant = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final RunListener listener;
    private final RunControl control;
    private final int maxFailures;

    Results(List<String> order, RunListener listener, RunControl control, int maxFailures) {
        this.order = List.copyOf(order);
        this.listener = listener;
        this.control = control;
        this.maxFailures = maxFailures;
    }

    static TenantResult skipped(TenantPlan plan, String reason) {
        return new TenantResult(plan.id(), plan.server(), plan.from(), plan.from(), List.of(), 0, Duration.ZERO,
                Outcome.SKIPPED, reason);
    }

    void add(TenantResult result) {
        byTenant.put(result.tenant(), result);
        if (result.outcome().isFailure() && failures.incrementAndGet() >= maxFailures && maxFailures > 0) {
            control.stop("failure budget of " + maxFailures + " reached");
        }
        listener.tenantFinished(result);
    }

    boolean has(String tenant) {
        return byTenant.containsKey(tenant);
    }

    /**
     * The results of {@code tenants} that ended neither migrated nor unchanged, in their order; a tenant with
     * no result yet is left out.
     */
    List<TenantResult> unsuccessful(List<TenantPlan> tenants) {
        return tenants.stream().map(plan -> byTenant.get(plan.id()))
                .filter(result -> result != null && result.outcome() != Outcome.MIGRATED
                        && result.outcome() != Outcome.UNCHANGED)
                .toList();
    }

    /** Every result, in selection order. */
    List<TenantResult> inOrder() {
        List<TenantResult> all = new ArrayList<>(order.size());
        for (String tenant : order) {
            TenantResult result = byTenant.get(tenant);
            if (result != null) {
                all.add(result);
            }
        }
        return all;
    }
}
