package dev.flotilla.cli;

import dev.flotilla.engine.revision.Step;
import dev.flotilla.run.Outcome;
import dev.flotilla.run.RunListener;
import dev.flotilla.run.TenantResult;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * One line per finished tenant on stdout ({@code acme: Upgraded <base> -> c3d9e5f1a084 (3 steps, 13 ms).}),
 * errors and warnings on stderr; with {@code verbose} each step as it starts. Lines come in the order
 * tenants finish. {@link #problemsOnly} keeps the stderr lines alone, for a terminal's progress line and
 * {@code -q}. Thread-safe: lines from concurrent tenants never interleave.
 */
final class TenantLines implements RunListener {

    private final PrintWriter out;
    private final PrintWriter err;
    private final String past;
    private final boolean verbose;
    private final boolean perTenant;

    TenantLines(PrintWriter out, PrintWriter err, String past, boolean verbose) {
        this(out, err, past, verbose, true);
    }

    private TenantLines(PrintWriter out, PrintWriter err, String past, boolean verbose, boolean perTenant) {
        this.out = out;
        this.err = err;
        this.past = past;
        this.verbose = verbose;
        this.perTenant = perTenant;
    }

    /**
     * Only the stderr lines, warnings and errors: {@code -q} and a terminal's progress line leave out the
     * tenants' lines (and the verbose ones, on stdout too), but not what went wrong or needs a look. Over a
     * progress line, give it to the line ({@code RunProgress.create(..., above)}), which clears itself first.
     */
    TenantLines problemsOnly() {
        return new TenantLines(out, err, past, false, false);
    }

    @Override
    public synchronized void stepStarted(String tenant, String server, Step step) {
        if (verbose) {
            out.println(tenant + ": Running " + ProgressPrinter.describe(step));
            out.flush();
        }
    }

    @Override
    public synchronized void tenantWarning(String tenant, String server, String message) {
        err.println("warning: tenant '" + tenant + "': " + message);
        err.flush();
    }

    @Override
    public synchronized void tenantRetrying(String tenant, String server, int failedAttempt, String error, Duration delay) {
        if (verbose) {
            out.println(tenant + ": attempt " + failedAttempt + " failed (" + error + "); retrying in "
                    + delay.toMillis() + " ms");
            out.flush();
        }
    }

    @Override
    public synchronized void tenantFinished(TenantResult result) {
        if (result.outcome() == Outcome.PLANNED) {
            return; // a dry run prints its plan as a whole
        }
        if (perTenant) {
            out.println(result.tenant() + ": " + text(result));
        }
        if (result.outcome() == Outcome.FAILED || result.outcome() == Outcome.LOCKED) {
            err.println((result.outcome() == Outcome.FAILED ? "error: " : "warning: ") + named(result));
        }
        out.flush();
        err.flush();
    }

    /**
     * The result's error, naming its tenant: a step's failure names the target by its URL and schema, and
     * with several tenants at once the stdout line it belongs to may be far from it.
     */
    private static String named(TenantResult result) {
        String prefix = "tenant '" + result.tenant() + "'";
        return result.error().startsWith(prefix) ? result.error() : prefix + ": " + result.error();
    }

    private String text(TenantResult result) {
        return switch (result.outcome()) {
            case MIGRATED -> moved(result);
            case UNCHANGED -> "Nothing to do: at " + ProgressPrinter.revisions(result.to()) + ".";
            case FAILED -> result.attempts() > 1 ? "failed after " + result.attempts() + " attempts" : "failed";
            case LOCKED -> "locked by another run";
            case SKIPPED -> "skipped: " + result.error();
            case PLANNED -> "planned";
        };
    }

    private String moved(TenantResult result) {
        String line = past + " " + ProgressPrinter.revisions(result.from()) + " -> " + ProgressPrinter.revisions(result.to());
        int steps = result.steps().size();
        if (steps == 0) {
            return line + ".";
        }
        return line + " (" + steps + (steps == 1 ? " step, " : " steps, ") + result.duration().toMillis() + " ms).";
    }
}
