package dev.flotilla.engine.dialect;

import dev.flotilla.engine.EngineException;

import java.time.Duration;

/**
 * Another run held a target's lock for longer than the configured wait. Not a failure of the target:
 * the other run is migrating it. Exit code 1.
 */
public class TargetLockedException extends EngineException {

    private final String target;
    private final Duration waited;

    public TargetLockedException(String target, Duration waited, String detail) {
        super(target + " is locked by another run (waited " + waited.toMillis() + " ms"
                + (detail == null || detail.isEmpty() ? "" : "; " + detail)
                + "); let that run finish, or raise the lock wait (--lock-wait)", 1, null);
        this.target = target;
        this.waited = waited;
    }

    /** The locked target as the message names it. */
    public String target() {
        return target;
    }

    public Duration waited() {
        return waited;
    }
}
