package dev.flotilla.run;

import java.time.Duration;

/**
 * The waits that {@link RunSettings.Retries} allow before each retry of a tenant: the backoff, doubled for
 * every retry before it, with ±50% jitter, and never more than the longest backoff.
 */
final class RetryWaits {

    private RetryWaits() {
    }

    /** The shortest wait before retry {@code retry} (from 1). */
    static Duration lowest(RunSettings.Retries retries, int retry) {
        return atMostMax(retries, doubled(retries, retry).dividedBy(2));
    }

    /** The longest wait before retry {@code retry} (from 1). */
    static Duration highest(RunSettings.Retries retries, int retry) {
        return atMostMax(retries, doubled(retries, retry).multipliedBy(3).dividedBy(2));
    }

    private static Duration doubled(RunSettings.Retries retries, int retry) {
        return retries.backoff().multipliedBy(1L << (retry - 1));
    }

    private static Duration atMostMax(RunSettings.Retries retries, Duration wait) {
        return wait.compareTo(retries.maxBackoff()) <= 0 ? wait : retries.maxBackoff();
    }
}
