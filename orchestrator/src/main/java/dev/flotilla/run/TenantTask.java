package dev.flotilla.run;

import dev.flotilla.TenantMigrations;
import dev.flotilla.engine.EngineException;
import dev.flotilla.engine.dialect.TargetLockedException;
import dev.flotilla.engine.migrate.MigrationException;
import dev.flotilla.engine.migrate.MigrationListener;
import dev.flotilla.engine.migrate.RunResult;
import dev.flotilla.engine.migrate.StepResult;
import dev.flotilla.engine.migrate.TargetStatus;
import dev.flotilla.engine.revision.Step;
import dev.flotilla.engine.revision.VersionRows;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Migrates one tenant within a run: through its server's circuit breaker, retrying transient failures
 * that left nothing behind, and telling a tenant locked by another run apart from a failed one. One
 * instance per tenant, run on one worker thread.
 */
final class TenantTask {

    private final RunContext run;
    private final TenantPlan plan;
    private final CircuitBreaker breaker;
    private final List<Step> applied = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Instant started;
    private int attempts;

    TenantTask(RunContext run, TenantPlan plan) {
        this.run = run;
        this.plan = plan;
        this.breaker = run.circuits().of(plan.server());
    }

    TenantResult call() {
        if (run.control().stopped()) {
            return Results.skipped(plan, run.control().reason().orElse("stopped"));
        }
        if (!breaker.tryAcquirePermission()) {
            return Results.skipped(plan, run.circuits().unavailable(plan.server()));
        }
        run.listener().tenantStarted(plan.id(), plan.server());
        started = run.clock().instant();
        Retry.AsyncContext<RunResult> retry = run.retry().asyncContext();
        TenantMigrations tenant = run.flotilla().tenant(plan.tenant()).watched(run.inFlight()).inRun(run.runId());
        while (true) {
            attempts++;
            long start = System.nanoTime();
            try {
                RunResult result = run.command().apply(tenant, run.flotilla().migrations().graph(), engineListener());
                breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                retry.onComplete();
                return done(result);
            } catch (TargetLockedException locked) {
                breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                return lockedOrDone(tenant, locked);
            } catch (RuntimeException failure) {
                String text = Failures.describe(plan.id(), failure);
                run.circuits().failed(plan.server(), System.nanoTime() - start, failure, text);
                long delay = Failures.retryable(failure) ? retry.onError(failure) : -1;
                if (delay < 0 || run.control().stopped() || !breaker.tryAcquirePermission()) {
                    return failed(tenant, failure, text);
                }
                run.listener().tenantRetrying(plan.id(), plan.server(), attempts, Circuits.firstLine(text),
                        Duration.ofMillis(delay));
                if (!pause(Duration.ofMillis(delay))) {
                    breaker.releasePermission(); // taken for an attempt that will not be made
                    return failed(tenant, failure, text);
                }
            }
        }
    }

    /** Waits before the next attempt; false when the run was stopped meanwhile. */
    private boolean pause(Duration delay) {
        try {
            run.sleeper().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !run.control().stopped();
    }

    private TenantResult done(RunResult result) {
        List<String> steps = result.steps().stream().map(step -> step.step().revision().id()).toList();
        // Nothing moved: another run got there between the survey and this tenant's lock.
        Outcome outcome = result.isNoOp() ? Outcome.UNCHANGED : Outcome.MIGRATED;
        return new TenantResult(plan.id(), plan.server(), result.before(), result.after(), steps, attempts, elapsed(),
                outcome, null);
    }

    /**
     * Another run held the lock past the wait: read where the tenant stands now. At the target, that run did
     * the work; else the tenant is left to it, reported locked and not failed.
     */
    private TenantResult lockedOrDone(TenantMigrations tenant, TargetLockedException locked) {
        try {
            TargetStatus status = tenant.status();
            TenantPlan now = Plans.plan(run.command(), run.flotilla().migrations().graph(), plan.tenant(), status);
            if (!now.changes() && now.problem().isEmpty()) {
                return new TenantResult(plan.id(), plan.server(), plan.from(), status.revisions(), List.of(), attempts,
                        elapsed(), Outcome.UNCHANGED, null);
            }
            return new TenantResult(plan.id(), plan.server(), plan.from(), status.revisions(), List.of(), attempts,
                    elapsed(), Outcome.LOCKED, locked.getMessage());
        } catch (EngineException e) {
            return new TenantResult(plan.id(), plan.server(), plan.from(), plan.from(), List.of(), attempts, elapsed(),
                    Outcome.LOCKED, locked.getMessage());
        }
    }

    /**
     * A failed tenant with where it stands now: the steps that committed before the failure stay (PostgreSQL
     * and SQLite commit per step), so its version is read again; when that is not possible (its server is
     * gone), it is worked out from the steps the engine reported.
     */
    private TenantResult failed(TenantMigrations tenant, RuntimeException failure, String error) {
        List<String> to = Failures.connectionFailure(failure) ? computedVersions() : readVersions(tenant);
        List<String> steps = to.equals(plan.from()) ? List.of()
                : applied.stream().map(step -> step.revision().id()).toList();
        return new TenantResult(plan.id(), plan.server(), plan.from(), to, steps, attempts, elapsed(),
                Outcome.FAILED, error);
    }

    private List<String> readVersions(TenantMigrations tenant) {
        try {
            return tenant.status().revisions();
        } catch (RuntimeException e) {
            return computedVersions();
        }
    }

    private List<String> computedVersions() {
        VersionRows rows = new VersionRows(run.flotilla().migrations().graph(), plan.from());
        applied.forEach(rows::apply);
        return rows.rows();
    }

    private Duration elapsed() {
        return Duration.between(started, run.clock().instant());
    }

    private MigrationListener engineListener() {
        String id = plan.id();
        String server = plan.server();
        RunListener listener = run.listener();
        return new MigrationListener() {
            @Override
            public void stepStarted(String target, Step step, int statements) {
                listener.stepStarted(id, server, step);
            }

            @Override
            public void stepFinished(String target, StepResult result) {
                applied.add(result.step());
                listener.stepFinished(id, server, result.step().revision().id(), result.duration());
            }

            @Override
            public void stepFailed(String target, Step step, MigrationException failure) {
            }

            @Override
            public void warning(String target, String message) {
                listener.tenantWarning(id, server, message);
            }
        };
    }
}
