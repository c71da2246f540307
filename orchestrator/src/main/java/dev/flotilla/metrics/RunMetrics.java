package dev.flotilla.metrics;

import dev.flotilla.run.Outcome;
import dev.flotilla.run.RunListener;
import dev.flotilla.run.RunSummary;
import dev.flotilla.run.TenantResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fleet run's meters (names in {@link MeterNames}), fed by its events. Registered on construction, so
 * every outcome counts from 0 before the first tenant ends (a Prometheus {@code increase()} needs the
 * zero); removed from the registry by {@link #close()}. One instance per registry at a time: Micrometer
 * hands a second one the first one's meters. Thread-safe: meters and maps are concurrent, and the
 * registry is the caller's, who may scrape it at any time.
 */
public final class RunMetrics implements RunListener, AutoCloseable {

    private final MeterRegistry registry;
    private final List<Meter> meters = new CopyOnWriteArrayList<>();
    private final Map<Outcome, Counter> tenants = new EnumMap<>(Outcome.class);
    private final Map<String, AtomicInteger> circuits = new ConcurrentHashMap<>();
    private final Set<String> started = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger selected = new AtomicInteger();
    private final AtomicLong finishedAt = new AtomicLong();
    private final Timer tenantDuration;
    private final Timer stepDuration;
    private final Counter retries;

    public RunMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Outcome outcome : Outcome.values()) {
            tenants.put(outcome, keep(Counter.builder(MeterNames.TENANTS).tag("outcome", outcome.label())
                    .description("Tenants that ended, by outcome").register(registry)));
        }
        tenantDuration = keep(Timer.builder(MeterNames.TENANT_DURATION)
                .description("Wall time of a tenant that ran, first attempt to end").register(registry));
        stepDuration = keep(Timer.builder(MeterNames.STEP_DURATION)
                .description("Time of one step applied or taken back").register(registry));
        retries = keep(Counter.builder(MeterNames.RETRIES)
                .description("Failed attempts retried after a transient error").register(registry));
        keep(Gauge.builder(MeterNames.IN_FLIGHT, inFlight, AtomicInteger::get)
                .description("Tenants started and not yet finished").register(registry));
        keep(Gauge.builder(MeterNames.RUN_TENANTS, selected, AtomicInteger::get)
                .description("Tenants the run selected").register(registry));
        keep(Gauge.builder(MeterNames.RUN_FINISHED, finishedAt, AtomicLong::get).baseUnit("seconds")
                .description("When the run ended, Unix time; 0 while it runs").register(registry));
    }

    @Override
    public void runStarted(String runId, String command, int tenants) {
        selected.set(tenants);
    }

    @Override
    public void tenantStarted(String tenant, String server) {
        if (started.add(tenant)) {
            inFlight.incrementAndGet();
        }
    }

    @Override
    public void stepFinished(String tenant, String server, String revision, Duration duration) {
        stepDuration.record(duration);
    }

    @Override
    public void tenantRetrying(String tenant, String server, int failedAttempt, String error, Duration delay) {
        retries.increment();
    }

    @Override
    public void tenantFinished(TenantResult result) {
        // Skipped tenants end without having started: they never entered the in-flight count.
        if (started.remove(result.tenant())) {
            inFlight.decrementAndGet();
        }
        tenants.get(result.outcome()).increment();
        if (result.attempts() > 0) {
            tenantDuration.record(result.duration());
        }
    }

    @Override
    public void circuitChanged(String server, String state) {
        CircuitStates.value(state).ifPresent(value -> circuit(server).set(value));
    }

    @Override
    public void runFinished(RunSummary summary) {
        finishedAt.set(summary.finishedAt().getEpochSecond());
    }

    /** Removes this run's meters from the registry; the registry itself stays open. */
    @Override
    public void close() {
        meters.forEach(registry::remove);
        meters.clear();
    }

    private AtomicInteger circuit(String server) {
        return circuits.computeIfAbsent(server, name -> {
            AtomicInteger value = new AtomicInteger(CircuitStates.CLOSED);
            keep(Gauge.builder(MeterNames.CIRCUIT_STATE, value, AtomicInteger::get).tag("server", name)
                    .description("Circuit breaker per server: 0 closed, 1 half-open, 2 open").register(registry));
            return value;
        });
    }

    private <M extends Meter> M keep(M meter) {
        meters.add(meter);
        return meter;
    }
}
