package dev.flotilla.config;

import java.time.Duration;

/**
 * The waits a run puts on each tenant ({@code defaults.lock_wait}, {@code lock_timeout},
 * {@code statement_timeout}); {@link Duration#ZERO} means no limit for the two timeouts and "do not wait"
 * for {@code lockWait}. Immutable.
 *
 * @param lockWait         how long to wait for another run's lock on the same tenant
 * @param lockTimeout      how long one statement may wait for a table or row lock
 * @param statementTimeout how long one statement may run
 */
public record TimeoutSettings(Duration lockWait, Duration lockTimeout, Duration statementTimeout) {

    /** 30 s for another run's lock, 10 s for a table lock, no statement limit: the engine's defaults. */
    public static final TimeoutSettings DEFAULTS =
            new TimeoutSettings(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ZERO);

    public TimeoutSettings {
        Require.notNegative("lock_wait", lockWait);
        Require.notNegative("lock_timeout", lockTimeout);
        Require.notNegative("statement_timeout", statementTimeout);
    }
}
