package dev.flotilla.run;

import dev.flotilla.engine.revision.Step;

import java.time.Duration;
import java.util.List;

/**
 * Several {@link RunListener}s heard as one, in the order given. A listener that throws does not stop the
 * run or the listeners after it: a broken progress display must not fail a migration. Immutable and
 * thread-safe when its listeners are.
 */
public final class RunListeners implements RunListener {

    private final List<RunListener> listeners;

    private RunListeners(List<RunListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public static RunListener of(List<RunListener> listeners) {
        return listeners.size() == 1 && listeners.get(0) instanceof RunListeners composed ? composed
                : new RunListeners(listeners);
    }

    public static RunListener of(RunListener... listeners) {
        return of(List.of(listeners));
    }

    @Override
    public void runStarted(String runId, String command, int tenants) {
        each(listener -> listener.runStarted(runId, command, tenants));
    }

    @Override
    public void tenantStarted(String tenant, String server) {
        each(listener -> listener.tenantStarted(tenant, server));
    }

    @Override
    public void stepStarted(String tenant, String server, Step step) {
        each(listener -> listener.stepStarted(tenant, server, step));
    }

    @Override
    public void stepFinished(String tenant, String server, String revision, Duration duration) {
        each(listener -> listener.stepFinished(tenant, server, revision, duration));
    }

    @Override
    public void tenantWarning(String tenant, String server, String message) {
        each(listener -> listener.tenantWarning(tenant, server, message));
    }

    @Override
    public void tenantRetrying(String tenant, String server, int failedAttempt, String error, Duration delay) {
        each(listener -> listener.tenantRetrying(tenant, server, failedAttempt, error, delay));
    }

    @Override
    public void tenantFinished(TenantResult result) {
        each(listener -> listener.tenantFinished(result));
    }

    @Override
    public void circuitChanged(String server, String state) {
        each(listener -> listener.circuitChanged(server, state));
    }

    @Override
    public void runFinished(RunSummary summary) {
        each(listener -> listener.runFinished(summary));
    }

    private void each(java.util.function.Consumer<RunListener> call) {
        for (RunListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException ignored) {
                // A listener's own failure is its problem; the run and the other listeners go on.
            }
        }
    }
}
