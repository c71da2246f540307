package dev.flotilla.run;

import dev.flotilla.Flotilla;
import dev.flotilla.config.ServerConfig;
import dev.flotilla.engine.dialect.ReadScope;
import dev.flotilla.registry.Tenant;
import dev.flotilla.survey.FleetSurvey;
import dev.flotilla.survey.Reading;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fleet run: {@code upgrade}, {@code downgrade} or {@code stamp} over many tenants at once.
 *
 * <ol>
 *   <li>Every selected tenant is read ({@link FleetSurvey}, batched per server) and planned with the engine's
 *       planner. Tenants at the target end {@code unchanged} with no lock taken and nothing written;
 *       dirty tenants and targets a tenant cannot reach end {@code failed}; unreadable ones count against
 *       their server's circuit breaker and end {@code failed}, or {@code skipped} once it is open.</li>
 *   <li>The others run on a pool of {@code concurrency} threads, at most {@code perServer} (and the server's
 *       {@code max_concurrency}) per server at once; each server's pools are limited to that many
 *       connections. Canaries first, then waves by tag, then the rest ({@link RunSettings}).</li>
 *   <li>Each tenant is retried while its failure is transient and left nothing behind; a server whose
 *       tenants cannot connect opens its circuit and its remaining tenants are skipped; the failure budget,
 *       a canary or wave with a tenant that did not succeed ({@link Phases}), or {@link #interrupt()} stop the
 *       scheduling, in-flight tenants finish, and the tenants never started end {@code skipped} with the
 *       reason.</li>
 * </ol>
 *
 * Every history row the run writes, on every tenant, carries the run's id ({@link RunSummary#runId()}).
 * One run per instance; {@link #interrupt()} and {@link #cancelInFlight()} may be called from any thread
 * (a signal handler) while {@link #run} works.
 */
public final class FleetRun {

    private final Flotilla flotilla;
    private final RunSettings settings;
    private final RunListener listener;
    private final Sleeper sleeper;
    private final Clock clock;
    private final RunControl control = new RunControl();
    private final InFlight inFlight = new InFlight();

    /** A run whose retries wait for real (cut short when the run is stopped). */
    public FleetRun(Flotilla flotilla, RunSettings settings, RunListener listener) {
        this(flotilla, settings, listener, null);
    }

    /** A run whose retries wait with {@code sleeper} (tests pass one that does not wait). */
    public FleetRun(Flotilla flotilla, RunSettings settings, RunListener listener, Sleeper sleeper) {
        this.flotilla = flotilla;
        this.settings = settings;
        this.listener = RunListeners.of(listener); // a listener that throws must not stop the run
        this.sleeper = sleeper == null ? control::awaitStop : sleeper;
        this.clock = flotilla.options().clock();
    }

    /** Runs {@code command} over {@code tenants} (in the order given) and returns what happened to each. */
    public RunSummary run(FleetCommand command, List<Tenant> tenants) {
        String runId = flotilla.options().runIds().get();
        Instant started = clock.instant();
        Map<String, Integer> limits = limits(tenants);
        limits.forEach((server, limit) -> flotilla.connections().limit(server, limit));
        // Planning needs the version rows and the dirty step, not the last run: the cheaper read. A tenant
        // found at its target is left alone without its lock, so the dirty step must be read for it; every
        // other tenant is checked again under its lock by the runner.
        Map<String, Reading> readings = new FleetSurvey(flotilla).read(tenants, ReadScope.PLANNING,
                settings.perServer());
        limits.keySet().forEach(server -> flotilla.connections().closeIdle(server));
        List<TenantPlan> plans = Plans.of(command, flotilla.migrations().graph(), tenants, readings);
        Results results = new Results(tenants.stream().map(Tenant::id).toList(), listener, control,
                settings.maxFailures());
        Circuits circuits = new Circuits(settings.circuit(), listener);
        listener.runStarted(runId, command.name(), tenants.size());
        circuits.announce(limits.keySet());
        List<TenantPlan> work = settle(plans, results, circuits);
        if (!settings.dryRun()) {
            RunContext context = new RunContext(runId, flotilla, command, circuits, retry(), control, sleeper, listener,
                    clock, inFlight);
            schedule(context, plans, work, limits, results);
        }
        RunSummary summary = new RunSummary(runId, command.name(), command.target(), started, clock.instant(),
                results.inOrder(), control.reason(), control.interrupted());
        listener.runFinished(summary);
        return summary;
    }

    /** Stops scheduling: in-flight tenants finish, the rest end {@code skipped} "interrupted". */
    public void interrupt() {
        control.interrupt();
    }

    /** Cancels the statements of the tenants in flight (their connections are aborted; the server rolls back). */
    public void cancelInFlight() {
        inFlight.cancelAll();
    }

    /** Tenants in flight now (connections borrowed by this run). */
    public int inFlight() {
        return inFlight.count();
    }

    /** Whether {@link #interrupt()} was called. */
    public boolean interrupted() {
        return control.interrupted();
    }

    public RunSettings settings() {
        return settings;
    }

    /**
     * Ends the tenants that need no scheduling (unchanged, unable to run, unreadable; in a dry run, every
     * one) and returns those that do.
     */
    private List<TenantPlan> settle(List<TenantPlan> plans, Results results, Circuits circuits) {
        List<TenantPlan> work = new ArrayList<>();
        for (TenantPlan plan : plans) {
            if (plan.unreachable().isPresent()) {
                results.add(unreachable(plan, circuits));
            } else if (plan.problem().isPresent()) {
                results.add(new TenantResult(plan.id(), plan.server(), plan.from(), plan.from(), List.of(), 0,
                        java.time.Duration.ZERO, Outcome.FAILED, plan.problem().get()));
            } else if (!plan.changes()) {
                results.add(new TenantResult(plan.id(), plan.server(), plan.from(), plan.from(), List.of(), 0,
                        java.time.Duration.ZERO, Outcome.UNCHANGED, null));
            } else if (settings.dryRun()) {
                results.add(new TenantResult(plan.id(), plan.server(), plan.from(), plan.after(), plan.steps(), 0,
                        java.time.Duration.ZERO, Outcome.PLANNED, null));
            } else {
                work.add(plan);
            }
        }
        return work;
    }

    /** An unreadable tenant fails, and counts against its server, until the server's circuit opens. */
    private TenantResult unreachable(TenantPlan plan, Circuits circuits) {
        String error = plan.unreachable().orElseThrow();
        if (!circuits.of(plan.server()).tryAcquirePermission()) {
            return Results.skipped(plan, circuits.unavailable(plan.server()));
        }
        circuits.failed(plan.server(), 0, new Failures.Unreachable(error), error);
        return new TenantResult(plan.id(), plan.server(), List.of(), List.of(), List.of(), 1, java.time.Duration.ZERO,
                Outcome.FAILED, error);
    }

    private void schedule(RunContext context, List<TenantPlan> plans, List<TenantPlan> work, Map<String, Integer> limits,
                          Results results) {
        ExecutorService workers = Executors.newFixedThreadPool(settings.concurrency(), threads());
        try {
            Dispatcher dispatcher = new Dispatcher(workers, settings.concurrency(), limits, control);
            for (Phases phase : Phases.of(settings, plans, work)) {
                dispatcher.run(phase.tenants(), plan -> () -> results.add(call(context, plan)));
                phase.stopReason(results).ifPresent(control::stop);
            }
        } catch (InterruptedException e) {
            control.interrupt();
            Thread.currentThread().interrupt();
        } finally {
            workers.shutdown();
        }
        String reason = control.reason().orElse("stopped");
        work.stream().filter(plan -> !results.has(plan.id())).forEach(plan -> results.add(Results.skipped(plan, reason)));
    }

    /** The tenant's result; a bug in the run itself fails that tenant rather than losing it. */
    private static TenantResult call(RunContext context, TenantPlan plan) {
        try {
            return new TenantTask(context, plan).call();
        } catch (RuntimeException e) {
            return new TenantResult(plan.id(), plan.server(), plan.from(), plan.from(), List.of(), 1,
                    java.time.Duration.ZERO, Outcome.FAILED, Failures.describe(plan.id(), e));
        }
    }

    /** Each server's bound: the smaller of the run's per-server limit and the server's max_concurrency. */
    private Map<String, Integer> limits(List<Tenant> tenants) {
        Map<String, Integer> limits = new LinkedHashMap<>();
        for (String server : new LinkedHashSet<>(tenants.stream().map(Tenant::server).toList())) {
            ServerConfig config = flotilla.config().server(server).orElseThrow();
            limits.put(server, Math.min(settings.perServer(), config.maxConcurrency()));
        }
        return limits;
    }

    private Retry retry() {
        RunSettings.Retries retries = settings.retry();
        RetryConfig config = RetryConfig.custom()
                .maxAttempts(retries.attempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(retries.backoff(), 2.0, 0.5,
                        retries.maxBackoff()))
                .retryOnException(Failures::retryable)
                .failAfterMaxAttempts(false)
                .build();
        return Retry.of("tenant", config);
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "flotilla-run-" + count.incrementAndGet());
            thread.setDaemon(true); // an interrupted run must not keep the JVM alive past its grace period
            return thread;
        };
    }
}
