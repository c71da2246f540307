package dev.flotilla.config;

import java.time.Duration;

/**
 * How often a tenant whose migration failed transiently is tried ({@code defaults.retry}). Immutable.
 *
 * @param attempts tries in all, the first included (Resilience4j's {@code maxAttempts}); 1 never retries
 * @param backoff  the wait before each retry, 0 or more
 */
public record RetrySettings(int attempts, Duration backoff) {

    /** 3 attempts, 2 s apart. */
    public static final RetrySettings DEFAULTS = new RetrySettings(3, Duration.ofSeconds(2));

    public RetrySettings {
        Require.atLeast("attempts", attempts, 1);
        Require.notNegative("backoff", backoff);
    }
}
