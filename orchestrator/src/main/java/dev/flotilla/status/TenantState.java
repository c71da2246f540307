package dev.flotilla.status;

import java.util.Locale;

/**
 * Where a tenant stands against this script folder's heads (CLI.md, {@code status}). Declared in the
 * order reports list them: the good state first, then from "needs an upgrade" to "cannot be read".
 */
public enum TenantState {
    /** Has every head of the graph: upgrading to {@code heads} would do nothing. */
    CURRENT,
    /** Knows only revisions of this graph and misses some steps to its heads. */
    BEHIND,
    /** Holds a revision this script folder does not know, e.g. migrated by a newer release. */
    AHEAD,
    /** A step was interrupted or failed part-way; nothing migrates it until it is repaired. */
    DIRTY,
    /** Has no version table. */
    UNINITIALIZED,
    /** Its server or file could not be read. */
    UNREACHABLE;

    /** The lower-case name reports print: {@code current}, {@code behind}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
