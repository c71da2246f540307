package dev.flotilla.run;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether a run still schedules tenants: stopped once by the failure budget, a canary or wave that did not
 * succeed, or an interrupt; the first reason wins. Thread-safe.
 */
final class RunControl {

    private final AtomicReference<String> reason = new AtomicReference<>();
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** Stops scheduling; false when the run had already stopped (for another reason). */
    boolean stop(String why) {
        boolean first = reason.compareAndSet(null, why);
        stopped.countDown();
        return first;
    }

    void interrupt() {
        interrupted.set(true);
        stop("interrupted");
    }

    boolean stopped() {
        return reason.get() != null;
    }

    boolean interrupted() {
        return interrupted.get();
    }

    Optional<String> reason() {
        return Optional.ofNullable(reason.get());
    }

    /** Waits {@code duration} or until the run stops, whichever is first. */
    void awaitStop(Duration duration) throws InterruptedException {
        stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    }
}
