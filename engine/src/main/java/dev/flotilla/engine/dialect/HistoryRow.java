package dev.flotilla.engine.dialect;

import java.time.Instant;
import java.util.Objects;

/**
 * One history-table row as a {@link TargetReader} read it, columns as stored ({@code direction} and
 * {@code outcome} are the lower-case words the runner writes). Immutable; see {@code docs/runner.md}
 * for the columns' meaning.
 */
public record HistoryRow(long id, String runId, String revision, String direction, String checksum,
                         Instant startedAt, Instant finishedAt, Long durationMillis, String outcome,
                         int statementsDone, int statementsTotal, String doneDigest, String error,
                         String appliedBy) {

    public HistoryRow {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** True for {@code running} and {@code dirty}: a step that did not finish, for one reason or the other. */
    public boolean isUnfinished() {
        return unfinished(outcome);
    }

    /** Whether a row with {@code outcome} is unfinished ({@link #isUnfinished}), from the outcome alone. */
    public static boolean unfinished(String outcome) {
        return outcome.equals("running") || outcome.equals("dirty");
    }

    /** True for {@code running}: started and not finished (in progress, or its process died). */
    public boolean isRunning() {
        return outcome.equals("running");
    }
}
