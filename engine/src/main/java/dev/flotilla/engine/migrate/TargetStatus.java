package dev.flotilla.engine.migrate;

import java.util.List;
import java.util.Optional;

/**
 * Where a target stands: its current revisions (the version rows), whether it has a version table at all,
 * and the step that left it dirty, if one did.
 */
public record TargetStatus(boolean initialized, List<String> revisions, Optional<HistoryEntry> dirtyStep) {

    public TargetStatus {
        revisions = List.copyOf(revisions);
        if (!initialized && !revisions.isEmpty()) {
            throw new IllegalArgumentException("an uninitialized target has no revisions, not " + revisions);
        }
    }

    public boolean isDirty() {
        return dirtyStep.isPresent();
    }
}
