package dev.flotilla.engine.dialect.internal;

import java.time.Duration;

/**
 * Durations rounded up to the units servers take: a wait of 1.2 s must never become 1 s, and a
 * non-zero wait never zero, which servers read as "no wait" or "no limit".
 */
public final class Durations {

    private Durations() {
    }

    /** Whole milliseconds, rounded up, at most {@code max}. */
    public static long ceilMillis(Duration duration, long max) {
        long millis = duration.toMillis() + (duration.minusMillis(duration.toMillis()).isZero() ? 0 : 1);
        return Math.min(millis, max);
    }

    /** Whole seconds, rounded up, at most {@code max}. */
    public static long ceilSeconds(Duration duration, long max) {
        long seconds = duration.getSeconds() + (duration.getNano() == 0 ? 0 : 1);
        return Math.min(seconds, max);
    }
}
