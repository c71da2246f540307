package dev.flotilla.journal;

import dev.flotilla.run.Outcome;
import dev.flotilla.run.RunSummary;
import dev.flotilla.run.TenantResult;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Runs, results and journals for specifications of the journal stores. */
final class Journals {

    static final Instant START = Instant.parse("2026-11-26T03:00:00Z");

    private Journals() {
    }

    static RunHeader header(String runId, Instant startedAt, String... tenants) {
        return new RunHeader(runId, "upgrade", "heads", List.of(tenants), startedAt);
    }

    static TenantResult result(String tenant, Outcome outcome, List<String> from, List<String> to, List<String> steps,
                               String error) {
        return new TenantResult(tenant, "pg1", from, to, steps, outcome == Outcome.SKIPPED ? 0 : 1,
                Duration.ofMillis(25), outcome, error);
    }

    static TenantResult migrated(String tenant, List<String> from, String... steps) {
        return result(tenant, Outcome.MIGRATED, from, List.of(steps[steps.length - 1]), List.of(steps), null);
    }

    static TenantResult unchanged(String tenant, String at) {
        return result(tenant, Outcome.UNCHANGED, List.of(at), List.of(at), List.of(), null);
    }

    static RunSummary summary(RunHeader header, List<TenantResult> results) {
        return new RunSummary(header.runId(), header.command(), header.target(), header.startedAt(),
                header.startedAt().plusSeconds(3), results, Optional.of("failure budget of 1 spent"), false);
    }

    /**
     * The mixed run both stores are specified with: selection a..g; a migrated from base, b unchanged,
     * c failed after applying r1, d locked, e skipped, f never finished (killed mid-run), g migrated from r1.
     */
    static List<TenantResult> mixedResults() {
        return List.of(
                migrated("a", List.of(), "r1", "r2"),
                unchanged("b", "r2"),
                result("c", Outcome.FAILED, List.of(), List.of("r1"), List.of("r1"), "relation \"t\" already exists\nin r2"),
                result("d", Outcome.LOCKED, List.of("r1"), List.of("r1"), List.of(), "locked by another run"),
                result("e", Outcome.SKIPPED, List.of("r1"), List.of("r1"), List.of(), "server unavailable: pg1"),
                migrated("g", List.of("r1"), "r2"));
    }
}
