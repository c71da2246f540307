package dev.flotilla.report.run;

import dev.flotilla.run.RunListener;
import dev.flotilla.run.TenantResult;

import java.io.PrintWriter;
import java.util.List;

/**
 * One line per finished tenant, for output that is not a terminal:
 * {@code acme: migrated <base> -> c3d9e5f1a084 (3 steps, 41 ms)}, with {@code , 2 attempts} when it took
 * more than one, and {@code : <first error line>} for a failed, locked or skipped tenant. Lines are printed
 * whole under this object's lock, so concurrent workers never interleave them.
 */
final class TenantLog implements RunListener {

    private final PrintWriter out;

    TenantLog(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void tenantFinished(TenantResult result) {
        out.println(line(result));
        out.flush();
    }

    /** The line for one tenant, without a line break. */
    static String line(TenantResult result) {
        int steps = result.steps().size();
        StringBuilder line = new StringBuilder()
                .append(result.tenant()).append(": ").append(result.outcome().label()).append(' ')
                .append(revisions(result.from())).append(" -> ").append(revisions(result.to()))
                .append(" (").append(steps).append(steps == 1 ? " step, " : " steps, ")
                .append(result.duration().toMillis()).append(" ms");
        if (result.attempts() > 1) {
            line.append(", ").append(result.attempts()).append(" attempts");
        }
        line.append(')');
        if (result.error() != null) {
            line.append(": ").append(result.firstErrorLine());
        }
        return line.toString();
    }

    /** Revision ids as Alembic lists them, {@code <base>} for none. */
    static String revisions(List<String> ids) {
        return ids.isEmpty() ? "<base>" : String.join(", ", ids);
    }
}
