package dev.flotilla.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The last thing a journal records, when the run ended normally or was interrupted; a journal without it
 * belongs to a run that was killed or is still going. Immutable.
 *
 * @param finishedAt  when the run ended
 * @param interrupted whether Ctrl-C or SIGTERM ended it
 * @param stopReason  why scheduling stopped early, if it did
 */
public record RunEnd(Instant finishedAt, boolean interrupted, Optional<String> stopReason) {

    public RunEnd {
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(stopReason, "stopReason");
    }
}
