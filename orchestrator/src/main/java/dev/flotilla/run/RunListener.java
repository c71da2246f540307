package dev.flotilla.run;

import dev.flotilla.engine.revision.Step;

import java.time.Duration;

/**
 * What a fleet run tells progress displays, journals and metrics as it goes. Calls come from the run's
 * worker threads, concurrently: implementations must be thread-safe and quick (no I/O that can block for
 * long). Every method has a no-op default.
 */
public interface RunListener {

    RunListener NONE = new RunListener() {
    };

    /** The run has planned its tenants and starts scheduling them. */
    default void runStarted(String runId, String command, int tenants) {
    }

    /** A tenant's first attempt starts. */
    default void tenantStarted(String tenant, String server) {
    }

    /** One step of a tenant starts (for verbose output). */
    default void stepStarted(String tenant, String server, Step step) {
    }

    /** Something a person should know that did not stop the tenant (a changed checksum, say). */
    default void tenantWarning(String tenant, String server, String message) {
    }

    /** One step of a tenant finished (applied or taken back) in {@code duration}. */
    default void stepFinished(String tenant, String server, String revision, Duration duration) {
    }

    /** An attempt failed with a transient error that left nothing behind; the next one starts after {@code delay}. */
    default void tenantRetrying(String tenant, String server, int failedAttempt, String error, Duration delay) {
    }

    /** A tenant ended, in any outcome (skipped tenants included, which never started). */
    default void tenantFinished(TenantResult result) {
    }

    /**
     * A server's circuit breaker state ({@code closed}, {@code open}, {@code half_open}): {@code closed} for
     * every server of the run right after {@link #runStarted}, then at each change.
     */
    default void circuitChanged(String server, String state) {
    }

    /** The run ended; the last call. */
    default void runFinished(RunSummary summary) {
    }
}
