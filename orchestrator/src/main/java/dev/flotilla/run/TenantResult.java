package dev.flotilla.run;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One tenant's part in a fleet run, as reports, journals and metrics see it. Immutable.
 *
 * @param tenant   the tenant id
 * @param server   the server it lives on
 * @param from     its revisions before the run (empty: base or uninitialized)
 * @param to       its revisions after the run (equal to {@code from} when nothing moved)
 * @param steps    the revisions applied (upgrade) or taken back (downgrade), in order; for a dry run the
 *                 planned ones
 * @param attempts attempts made (0 when never started, 1 when it worked at once)
 * @param duration wall time from its first attempt to its end; zero when never started
 * @param outcome  how it ended
 * @param error    the error of the last attempt (first line first), or the reason it was skipped or
 *                 locked; null when it succeeded
 */
public record TenantResult(String tenant, String server, List<String> from, List<String> to, List<String> steps,
                           int attempts, Duration duration, Outcome outcome, String error) {

    public TenantResult {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(server, "server");
        from = List.copyOf(from);
        to = List.copyOf(to);
        steps = List.copyOf(steps);
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(outcome, "outcome");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be at least 0, found " + attempts);
        }
        boolean needsError = outcome == Outcome.FAILED || outcome == Outcome.SKIPPED || outcome == Outcome.LOCKED;
        if (needsError && (error == null || error.isBlank())) {
            throw new IllegalArgumentException("a " + outcome.label() + " tenant needs an error or reason: " + tenant);
        }
    }

    /** The error's first line, for summaries; empty when there is none. */
    public String firstErrorLine() {
        if (error == null) {
            return "";
        }
        int newline = error.indexOf('\n');
        return newline < 0 ? error : error.substring(0, newline);
    }
}
