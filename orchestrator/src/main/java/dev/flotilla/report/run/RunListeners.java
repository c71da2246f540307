package dev.flotilla.report.run;

import dev.flotilla.run.RunListener;
import dev.flotilla.run.RunSummary;
import dev.flotilla.run.TenantResult;

import java.time.Duration;
import java.util.List;

/**
 * Several listeners as one, called in the order given: journal first, so that a tenant is recorded
 * before anything shows it as done. Thread-safe when its listeners are; immutable.
 */
public final class RunListeners implements RunListener {

    private final List<RunListener> listeners;

    private RunListeners(List<RunListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** One listener telling each of {@code listeners} every event. */
    public static RunListener combine(RunListener... listeners) {
        return new RunListeners(List.of(listeners));
    }

    @Override
    public void runStarted(String runId, String command, int tenants) {
        listeners.forEach(listener -> listener.runStarted(runId, command, tenants));
    }

    @Override
    public void tenantStarted(String tenant, String server) {
        listeners.forEach(listener -> listener.tenantStarted(tenant, server));
    }

    @Override
    public void stepFinished(String tenant, String server, String revision, Duration duration) {
        listeners.forEach(listener -> listener.stepFinished(tenant, server, revision, duration));
    }

    @Override
    public void tenantRetrying(String tenant, String server, int failedAttempt, String error, Duration delay) {
        listeners.forEach(listener -> listener.tenantRetrying(tenant, server, failedAttempt, error, delay));
    }

    @Override
    public void tenantFinished(TenantResult result) {
        listeners.forEach(listener -> listener.tenantFinished(result));
    }

    @Override
    public void circuitChanged(String server, String state) {
        listeners.forEach(listener -> listener.circuitChanged(server, state));
    }

    @Override
    public void runFinished(RunSummary summary) {
        listeners.forEach(listener -> listener.runFinished(summary));
    }
}
