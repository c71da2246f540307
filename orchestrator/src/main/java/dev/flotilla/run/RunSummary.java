package dev.flotilla.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole fleet run once it has ended: what reports and journals write. Immutable.
 *
 * @param runId       the run's id (journals and {@code --resume} use it)
 * @param command     {@code upgrade}, {@code downgrade} or {@code stamp}
 * @param target      the target as given ({@code heads}, {@code -1}, a revision)
 * @param startedAt   when the run started
 * @param finishedAt  when it ended
 * @param results     one per selected tenant, in selection order
 * @param stopReason  why scheduling stopped early (failure budget, a canary or wave that did not succeed,
 *                    interrupt), if it did
 * @param interrupted whether Ctrl-C or SIGTERM ended the run (exit 130)
 */
public record RunSummary(String runId, String command, String target, Instant startedAt, Instant finishedAt,
                         List<TenantResult> results, Optional<String> stopReason, boolean interrupted) {

    public RunSummary {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        results = List.copyOf(results);
        Objects.requireNonNull(stopReason, "stopReason");
    }

    public Duration elapsed() {
        return Duration.between(startedAt, finishedAt);
    }

    /** Results with this outcome. */
    public long count(Outcome outcome) {
        return results.stream().filter(result -> result.outcome() == outcome).count();
    }

    /** True when any tenant failed (exit 1). */
    public boolean anyFailed() {
        return results.stream().anyMatch(result -> result.outcome().isFailure());
    }
}
