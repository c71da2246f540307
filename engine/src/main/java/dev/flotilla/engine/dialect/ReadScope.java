package dev.flotilla.engine.dialect;

/**
 * How much of each target's history a {@link TargetReader} reads. The version rows and the dirty step
 * are always read: a caller that skips targets already at their target revision must never skip a
 * dirty one.
 */
public enum ReadScope {

    /** Version rows, dirty step and the newest history row, whatever its outcome (what status reports). */
    STATUS,

    /**
     * Version rows and dirty step only ({@link TargetRows#newest()} is empty): what planning a run needs.
     * Cheaper where a reader selects, as planning the newest-row subqueries of every history table is
     * what such a read costs (see {@code bench/README.md}, "Status reads"); the same where PostgreSQL's
     * reader copies a small history table whole.
     */
    PLANNING
}
