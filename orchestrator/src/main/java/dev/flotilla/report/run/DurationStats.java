package dev.flotilla.report.run;

import dev.flotilla.run.TenantResult;

import java.time.Duration;
import java.util.List;

/**
 * p50, p95 and max of the durations of the tenants that ran (at least one attempt), by nearest rank:
 * p95 of 20 tenants is the 19th fastest, a duration some tenant really took.
 *
 * @param count how many tenants ran; the durations are zero when none did
 */
record DurationStats(int count, Duration p50, Duration p95, Duration max) {

    static DurationStats of(List<TenantResult> results) {
        List<Duration> sorted = results.stream()
                .filter(result -> result.attempts() > 0)
                .map(TenantResult::duration)
                .sorted()
                .toList();
        if (sorted.isEmpty()) {
            return new DurationStats(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
        }
        return new DurationStats(sorted.size(), rank(sorted, 50), rank(sorted, 95), sorted.get(sorted.size() - 1));
    }

    private static Duration rank(List<Duration> sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
