package dev.flotilla.engine.dialect;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link TargetReader} found for one target. Immutable.
 *
 * @param target    the schema or database name as asked
 * @param exists    false when the schema or database itself does not exist
 * @param versioned true when the version table exists (false whenever {@code exists} is)
 * @param versions  the version rows, in no particular order; empty unless {@code versioned}
 * @param dirtyStep the step that left the target dirty (a {@code dirty} row, or a {@code running} row
 *                  whose run no longer holds the lock)
 * @param newest    the newest history row (the highest id), whatever its outcome
 */
public record TargetRows(String target, boolean exists, boolean versioned, List<String> versions,
                         Optional<HistoryRow> dirtyStep, Optional<HistoryRow> newest) {

    public TargetRows {
        Objects.requireNonNull(target, "target");
        versions = List.copyOf(versions);
        Objects.requireNonNull(dirtyStep, "dirtyStep");
        Objects.requireNonNull(newest, "newest");
        if (versioned && !exists) {
            throw new IllegalArgumentException(target + ": a version table cannot exist in a missing target");
        }
        if (!versioned && !versions.isEmpty()) {
            throw new IllegalArgumentException(target + ": version rows without a version table: " + versions);
        }
    }

    /** A target whose schema or database does not exist. */
    public static TargetRows missing(String target) {
        return new TargetRows(target, false, false, List.of(), Optional.empty(), Optional.empty());
    }
}
