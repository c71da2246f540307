package dev.flotilla.report.run;

import dev.flotilla.run.Outcome;
import dev.flotilla.run.TenantResult;

import java.time.Duration;
import java.util.List;

/** Tenant results for specifications. */
final class Results {

    private Results() {
    }

    static TenantResult migrated(String tenant, long millis, String... steps) {
        return new TenantResult(tenant, "pg1", List.of(), List.of(steps[steps.length - 1]), List.of(steps), 1,
                Duration.ofMillis(millis), Outcome.MIGRATED, null);
    }

    static TenantResult unchanged(String tenant, long millis) {
        return new TenantResult(tenant, "pg1", List.of("r2"), List.of("r2"), List.of(), 1, Duration.ofMillis(millis),
                Outcome.UNCHANGED, null);
    }

    static TenantResult failed(String tenant, long millis, int attempts, String error) {
        return new TenantResult(tenant, "my1", List.of("r1"), List.of("r1"), List.of(), attempts,
                Duration.ofMillis(millis), Outcome.FAILED, error);
    }

    static TenantResult skipped(String tenant, String reason) {
        return new TenantResult(tenant, "my1", List.of("r1"), List.of("r1"), List.of(), 0, Duration.ZERO,
                Outcome.SKIPPED, reason);
    }

    static TenantResult locked(String tenant, String reason) {
        return new TenantResult(tenant, "pg1", List.of("r1"), List.of("r1"), List.of(), 1, Duration.ofMillis(5000),
                Outcome.LOCKED, reason);
    }
}
