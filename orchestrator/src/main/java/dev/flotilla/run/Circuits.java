package dev.flotilla.run;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Resilience4j circuit breaker per server, configured for small fleets (its default needs 100 calls):
 * a count window of a few tenants, counting only connection failures, so that a tenant's own broken
 * script never takes its server out. Each server's state goes to the run's listener when the run starts
 * ({@link #announce}) and at each change. Thread-safe.
 */
final class Circuits {

    private final CircuitBreakerConfig config;
    private final RunListener listener;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final Map<String, String> lastErrors = new ConcurrentHashMap<>();

    Circuits(RunSettings.CircuitSettings settings, RunListener listener) {
        this.config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.window())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(50f)
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordException(Failures::connectionFailure)
                .build();
        this.listener = listener;
    }

    CircuitBreaker of(String server) {
        return breakers.computeIfAbsent(server, this::create);
    }

    /**
     * Tells the listener each server's state, closed, before any tenant runs: a gauge of the circuits then
     * has a series for every server of the run, not only for those whose circuit changes.
     */
    void announce(Collection<String> servers) {
        servers.forEach(server -> listener.circuitChanged(server, name(of(server).getState())));
    }

    /** Records a failure against the server, remembering its text for the tenants it skips. */
    void failed(String server, long nanos, Throwable failure, String text) {
        if (Failures.connectionFailure(failure)) {
            lastErrors.put(server, firstLine(text));
        }
        of(server).onError(nanos, java.util.concurrent.TimeUnit.NANOSECONDS, failure);
    }

    /** The reason a tenant of an open circuit's server is skipped. */
    String unavailable(String server) {
        return "server unavailable: " + lastErrors.getOrDefault(server, "its circuit breaker is open");
    }

    private CircuitBreaker create(String server) {
        CircuitBreaker breaker = CircuitBreaker.of(server, config);
        breaker.getEventPublisher().onStateTransition(event -> listener.circuitChanged(server,
                name(event.getStateTransition().getToState())));
        return breaker;
    }

    private static String name(CircuitBreaker.State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
