package dev.flotilla.run;

import java.time.Duration;

/**
 * Waits between two attempts of a tenant. Injected so that tests need no real waits; the run's own
 * sleeper wakes early when the run is stopped. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Sleeper {

    /** Waits {@code duration}, or less when interrupted. */
    void sleep(Duration duration) throws InterruptedException;
}
