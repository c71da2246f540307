package dev.flotilla.engine.dialect;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-statement limits applied to a target's session while it migrates. {@link Duration#ZERO} means no
 * limit.
 *
 * @param lockTimeout      how long one statement may wait for a table or row lock (PostgreSQL
 *                         {@code lock_timeout}, MySQL {@code lock_wait_timeout} and
 *                         {@code innodb_lock_wait_timeout}, SQLite's busy timeout)
 * @param statementTimeout how long one statement may run (PostgreSQL {@code statement_timeout}, MariaDB
 *                         {@code max_statement_time}, MySQL {@code max_execution_time}, which MySQL
 *                         applies to SELECT only)
 */
public record Timeouts(Duration lockTimeout, Duration statementTimeout) {

    /**
     * 10 s for a lock, so a DDL statement queued behind a long transaction gives up before it blocks
     * the table's readers for long; no statement limit, because data migrations may rightly run for
     * hours.
     */
    public static final Timeouts DEFAULTS = new Timeouts(Duration.ofSeconds(10), Duration.ZERO);

    public Timeouts {
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        if (lockTimeout.isNegative()) {
            throw new IllegalArgumentException("lockTimeout must be zero (no limit) or more, not " + lockTimeout);
        }
        if (statementTimeout.isNegative()) {
            throw new IllegalArgumentException("statementTimeout must be zero (no limit) or more, not "
                    + statementTimeout);
        }
    }
}
