package dev.flotilla.engine.migrate;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of a target's history table: a step run (or a stamp or repair), how far it got and how it
 * ended. Immutable.
 *
 * @param id              the row's key, increasing in the order rows were written
 * @param runId           the run that wrote it; every row of one run shares it
 * @param revision        the revision
 * @param action          what was done
 * @param checksum        the checksum of the revision's file when it ran; null for stamps and repairs
 * @param startedAt       when it started
 * @param finishedAt      when it finished; null while it runs or after a crash
 * @param durationMillis  how long it took; null when not finished
 * @param outcome         how it ended
 * @param statementsDone  statements executed successfully
 * @param statementsTotal statements the step has
 * @param doneDigest      SHA-256 over the executed statements' text, so {@code repair resume} can tell
 *                        whether the file has changed under them; null when none ran
 * @param error           the error that ended it, or a repair's note; null otherwise
 * @param appliedBy       who ran it
 */
public record HistoryEntry(long id, String runId, String revision, Action action, String checksum,
                           Instant startedAt, Instant finishedAt, Long durationMillis, Outcome outcome,
                           int statementsDone, int statementsTotal, String doneDigest, String error,
                           String appliedBy) {

    /** What a history row records; stored as its lower-case name. */
    public enum Action {
        UPGRADE, DOWNGRADE, STAMP, REPAIR;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Action ofColumn(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** How a history row ended; stored as its lower-case name. */
    public enum Outcome {
        /** Started and not finished: still running, or the process died (the target is then dirty). */
        RUNNING,
        /** Finished; the version table moved. */
        APPLIED,
        /** Failed and rolled back completely: the target is clean at the revision before. */
        FAILED,
        /** Failed part-way where nothing could be rolled back: the target needs {@code repair}. */
        DIRTY,
        /** Was dirty; a person repaired it (see the repair row that follows). */
        REPAIRED;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Outcome ofColumn(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public HistoryEntry {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** True for a step that left the target needing repair: a crash (still running) or a partial failure. */
    public boolean isDirty() {
        return outcome == Outcome.RUNNING || outcome == Outcome.DIRTY;
    }
}
