package dev.flotilla.report.run;

import dev.flotilla.engine.revision.Step;
import dev.flotilla.run.Outcome;
import dev.flotilla.run.RunListener;
import dev.flotilla.run.RunSummary;
import dev.flotilla.run.TenantResult;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * One progress line redrawn in place: {@code 120/1000 done, 3 failed, 1 retrying, 4 running, 35.2 tenants/s,
 * ETA 25s}. Redraws are throttled to one per interval; the last one, at the end of the run, always happens
 * and ends the line. Every method holds this object's lock: events are counted and drawn in one piece.
 *
 * <p>Lines printed above it (warnings and errors, on stderr, by {@code above}) are printed under the same
 * lock: the line is cleared first, else such a line would follow the progress text on the same row, and
 * drawn again at once below it, else it would stay blank until the next redraw.
 */
final class ProgressLine implements RunListener {

    /** Carriage return, then the line, then ANSI "erase to end of line" so a shorter line leaves no tail. */
    private static final String CLEAR_TO_END = "\u001b[K";
    /**
     * A line that wraps cannot be redrawn with a carriage return (it would leave a copy per redraw), and
     * Java cannot ask a terminal its width: stay within the 80 columns every terminal has.
     */
    static final int MAX_WIDTH = 79;

    private final PrintWriter out;
    private final Clock clock;
    private final Duration interval;
    private final RunListener above;
    private final Set<String> running = new HashSet<>();
    private final Set<String> retrying = new HashSet<>();
    private Instant started;
    private Instant lastDraw;
    private int total;
    private int done;
    private int failed;

    ProgressLine(PrintWriter out, Clock clock, Duration interval, RunListener above) {
        this.out = out;
        this.clock = clock;
        this.interval = interval;
        this.above = above;
    }

    @Override
    public synchronized void runStarted(String runId, String command, int tenants) {
        above.runStarted(runId, command, tenants);
        started = clock.instant();
        total = tenants;
        draw(started);
    }

    @Override
    public synchronized void tenantStarted(String tenant, String server) {
        above.tenantStarted(tenant, server);
        running.add(tenant);
        maybeDraw();
    }

    @Override
    public synchronized void stepStarted(String tenant, String server, Step step) {
        above.stepStarted(tenant, server, step);
    }

    @Override
    public synchronized void stepFinished(String tenant, String server, String revision, Duration duration) {
        above.stepFinished(tenant, server, revision, duration);
    }

    @Override
    public synchronized void tenantWarning(String tenant, String server, String message) {
        clear();
        above.tenantWarning(tenant, server, message);
        draw(clock.instant());
    }

    @Override
    public synchronized void tenantRetrying(String tenant, String server, int failedAttempt, String error,
                                            Duration delay) {
        above.tenantRetrying(tenant, server, failedAttempt, error, delay);
        retrying.add(tenant);
        maybeDraw();
    }

    @Override
    public synchronized void tenantFinished(TenantResult result) {
        running.remove(result.tenant());
        retrying.remove(result.tenant());
        done++;
        if (result.outcome() == Outcome.FAILED) {
            failed++;
        }
        if (result.outcome() == Outcome.FAILED || result.outcome() == Outcome.LOCKED) {
            // the outcomes whose error the lines above print
            clear();
            above.tenantFinished(result);
            draw(clock.instant());
        } else {
            above.tenantFinished(result);
            maybeDraw();
        }
    }

    @Override
    public synchronized void circuitChanged(String server, String state) {
        above.circuitChanged(server, state);
    }

    @Override
    public synchronized void runFinished(RunSummary summary) {
        above.runFinished(summary);
        draw(clock.instant());
        out.println();
        out.flush();
    }

    private void clear() {
        out.print("\r" + CLEAR_TO_END);
        out.flush();
    }

    private void maybeDraw() {
        Instant now = clock.instant();
        if (lastDraw == null || Duration.between(lastDraw, now).compareTo(interval) >= 0) {
            draw(now);
        }
    }

    private void draw(Instant now) {
        lastDraw = now;
        String text = text(now);
        out.print("\r" + (text.length() > MAX_WIDTH ? text.substring(0, MAX_WIDTH) : text) + CLEAR_TO_END);
        out.flush();
    }

    /** The line's text at {@code now}, without the control characters. */
    String text(Instant now) {
        double seconds = started == null ? 0 : Duration.between(started, now).toMillis() / 1000.0;
        double rate = seconds > 0 ? done / seconds : 0;
        return String.format(Locale.ROOT, "%d/%d done, %d failed, %d retrying, %d running, %.1f tenants/s, ETA %s",
                done, total, failed, retrying.size(), running.size(), rate, eta(rate));
    }

    private String eta(double rate) {
        int remaining = Math.max(0, total - done);
        if (remaining == 0) {
            return "0s";
        }
        if (rate <= 0) {
            return "--";
        }
        return Durations.compact(Duration.ofSeconds((long) Math.ceil(remaining / rate)));
    }
}
