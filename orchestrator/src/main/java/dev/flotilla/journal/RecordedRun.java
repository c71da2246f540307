package dev.flotilla.journal;

import dev.flotilla.run.Outcome;
import dev.flotilla.run.TenantResult;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A run as its journal recorded it, read back: what {@code upgrade --resume RUN} and
 * {@code downgrade --undo RUN} work from. Immutable.
 *
 * @param header   the run and its selection
 * @param started  the tenants whose first attempt started, in the order they started
 * @param results  the tenants that ended, in the order they ended (a tenant recorded twice: the last wins)
 * @param end      how the run ended; empty when it was killed (or still runs)
 * @param warnings what reading skipped, for the caller to print (a torn last line after a crash)
 */
public record RecordedRun(RunHeader header, List<String> started, List<TenantResult> results, Optional<RunEnd> end,
                          List<String> warnings) {

    public RecordedRun {
        Objects.requireNonNull(header, "header");
        started = List.copyOf(started);
        results = List.copyOf(results);
        Objects.requireNonNull(end, "end");
        warnings = List.copyOf(warnings);
    }

    /** Each selected tenant's recorded result, by id; tenants that never ended are absent. */
    public Map<String, TenantResult> byTenant() {
        Map<String, TenantResult> byTenant = new LinkedHashMap<>();
        results.forEach(result -> byTenant.put(result.tenant(), result));
        return byTenant;
    }

    /**
     * The tenants {@code --resume} runs again, in the original order: those that failed, were locked or
     * skipped, were only planned (a dry run), or have no result (never started, or in flight when the run
     * was killed). Migrated and unchanged tenants are done.
     */
    public List<String> resume() {
        Map<String, TenantResult> byTenant = byTenant();
        return header.tenants().stream().filter(tenant -> !done(byTenant.get(tenant))).toList();
    }

    /**
     * The tenants that started and never ended, in the original order: in flight when the run was killed.
     * On MySQL/MariaDB (DDL not transactional) such a tenant may be dirty; {@code status} shows it.
     */
    public List<String> unfinished() {
        Map<String, TenantResult> byTenant = byTenant();
        Set<String> begun = new HashSet<>(started);
        return header.tenants().stream().filter(t -> begun.contains(t) && !byTenant.containsKey(t)).toList();
    }

    /**
     * What {@code --undo} takes back, tenant by tenant in the original order: every tenant the run moved
     * (steps applied, or a stamp that changed its revisions), failed tenants included when they applied
     * steps before failing. Dry runs moved nothing and give an empty list.
     */
    public List<TenantUndo> undo() {
        Map<String, TenantResult> byTenant = byTenant();
        return header.tenants().stream()
                .map(byTenant::get)
                .filter(result -> result != null && moved(result))
                .map(r -> new TenantUndo(r.tenant(), r.server(), r.from(), r.to(), r.steps()))
                .toList();
    }

    private static boolean done(TenantResult result) {
        return result != null && (result.outcome() == Outcome.MIGRATED || result.outcome() == Outcome.UNCHANGED);
    }

    private static boolean moved(TenantResult result) {
        return result.outcome() != Outcome.PLANNED
                && (!result.steps().isEmpty() || !result.from().equals(result.to()));
    }
}
