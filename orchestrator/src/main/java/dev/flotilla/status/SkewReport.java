package dev.flotilla.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The version-skew report: which tenant is where, against the heads of one script folder. Immutable; the
 * counts are derived from the tenants on each call.
 *
 * @param time       when the tenants were read
 * @param heads      the graph's heads, in revision order
 * @param graphOrder every revision of the graph, oldest first (the order an upgrade from base runs them)
 * @param tenants    one line per tenant, in the order they were selected
 */
public record SkewReport(Instant time, List<String> heads, List<String> graphOrder, List<TenantStatus> tenants) {

    /** What reports call a version table without rows, as Alembic does. */
    public static final String BASE = "<base>";

    public SkewReport {
        Objects.requireNonNull(time, "time");
        heads = List.copyOf(heads);
        graphOrder = List.copyOf(graphOrder);
        tenants = List.copyOf(tenants);
    }

    /** Tenants per state, every state present (zeros included), in {@link TenantState} order. */
    public Map<TenantState, Integer> byState() {
        Map<TenantState, Integer> counts = new EnumMap<>(TenantState.class);
        for (TenantState state : TenantState.values()) {
            counts.put(state, 0);
        }
        tenants.forEach(t -> counts.merge(t.state(), 1, Integer::sum));
        return counts;
    }

    /**
     * Tenants per revision, in graph order: {@link #BASE} first (tenants with an empty version table), then
     * every revision some tenant is at and every head (a head nobody is at shows 0), then revisions the graph
     * does not know, sorted. A tenant at several heads counts under each; tenants without a version table
     * or that could not be read count under none.
     */
    public Map<String, Integer> byRevision() {
        Map<String, Integer> held = new LinkedHashMap<>();
        for (TenantStatus tenant : tenants) {
            if (tenant.state() == TenantState.UNINITIALIZED || tenant.state() == TenantState.UNREACHABLE) {
                continue;
            }
            if (tenant.revisions().isEmpty()) {
                held.merge(BASE, 1, Integer::sum);
            }
            tenant.revisions().forEach(r -> held.merge(r, 1, Integer::sum));
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        if (held.containsKey(BASE)) {
            ordered.put(BASE, held.get(BASE));
        }
        for (String revision : graphOrder) {
            if (held.containsKey(revision) || heads.contains(revision)) {
                ordered.put(revision, held.getOrDefault(revision, 0));
            }
        }
        Set<String> unknown = new TreeSet<>(held.keySet());
        unknown.removeAll(ordered.keySet());
        unknown.forEach(r -> ordered.put(r, held.get(r)));
        return ordered;
    }

    /** Whether the graph knows this revision (false for {@link #BASE} and for revisions of a newer release). */
    public boolean isKnown(String revision) {
        return graphOrder.contains(revision);
    }

    /** The tenants that are not current, in report order. */
    public List<TenantStatus> notCurrent() {
        List<TenantStatus> out = new ArrayList<>();
        tenants.stream().filter(t -> !t.isCurrent()).forEach(out::add);
        return out;
    }

    public boolean allCurrent() {
        return tenants.stream().allMatch(TenantStatus::isCurrent);
    }
}
