package dev.flotilla.engine.migrate;

import dev.flotilla.engine.EngineException;

import java.sql.SQLException;
import java.util.Objects;

/**
 * A migration of one target failed. The message names the target, the revision, the statement and its
 * file line, the database's own message, and what state the target was left in. Exit code 1.
 */
public class MigrationException extends EngineException {

    private final String target;
    private final String revision;
    private final int statement;
    private final boolean transientFailure;
    private final boolean leftDirty;

    /**
     * @param revision         the revision whose step failed, or null when the failure came before any step
     * @param statement        the failing statement's number within the step (from 1), or 0 when none
     * @param transientFailure the database's error may pass when the same work is tried again
     * @param leftDirty        the target needs {@code repair}; false when everything was rolled back
     */
    public MigrationException(String message, String target, String revision, int statement,
                              boolean transientFailure, boolean leftDirty, Throwable cause) {
        super(message, 1, cause);
        this.target = Objects.requireNonNull(target, "target");
        this.revision = revision;
        this.statement = statement;
        this.transientFailure = transientFailure;
        this.leftDirty = leftDirty;
    }

    public String target() {
        return target;
    }

    /** The revision whose step failed, or null. */
    public String revision() {
        return revision;
    }

    /** The failing statement's number within its step, from 1; 0 when the failure was not a statement's. */
    public int statement() {
        return statement;
    }

    /** The SQLSTATE of the database error behind this failure, or null. */
    public String sqlState() {
        return getCause() instanceof SQLException e ? e.getSQLState() : null;
    }

    /** The vendor error code of the database error behind this failure, or 0. */
    public int vendorCode() {
        return getCause() instanceof SQLException e ? e.getErrorCode() : 0;
    }

    /**
     * True when retrying may succeed: the database called the error transient and the failed step rolled
     * back completely, so running it again is safe.
     */
    public boolean isRetryable() {
        return transientFailure && !leftDirty;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    /** True when the target was left dirty and needs {@code repair}. */
    public boolean leftDirty() {
        return leftDirty;
    }
}
