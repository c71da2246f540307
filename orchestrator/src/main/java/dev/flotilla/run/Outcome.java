package dev.flotilla.run;

import java.util.Locale;

/** How one tenant ended in a fleet run; reports print the lower-case name. */
public enum Outcome {
    /** Steps were applied (or the version table moved, for stamp) and the tenant reached the target. */
    MIGRATED,
    /** Already at the target: no lock taken, nothing written. */
    UNCHANGED,
    /** Would be migrated; only in a dry run. */
    PLANNED,
    /** The run for this tenant failed after its last attempt; see the error. */
    FAILED,
    /** Another run held the tenant's lock past the bounded wait; nothing was applied by this run. */
    LOCKED,
    /**
     * Never started: server unavailable, failure budget spent, a canary or wave did not succeed, or
     * interrupted; see the reason.
     */
    SKIPPED;

    /** The name reports use: {@code migrated}, {@code failed}, … */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the outcomes that make the run exit 1. */
    public boolean isFailure() {
        return this == FAILED;
    }
}
