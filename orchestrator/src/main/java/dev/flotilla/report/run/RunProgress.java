package dev.flotilla.report.run;

import dev.flotilla.run.RunListener;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Makes the listener that shows a fleet run's progress on {@code out}. The listeners it returns are
 * thread-safe (the run calls them from its workers) and live for one run; they never close {@code out}.
 */
public final class RunProgress {

    /** At most five redraws a second: enough to look alive, cheap for a terminal over SSH. */
    public static final Duration REDRAW_INTERVAL = Duration.ofMillis(200);

    private RunProgress() {
    }

    /**
     * The progress listener for {@code style}.
     *
     * @param clock the time that throttles redraws and measures the rate; the CLI passes its environment's clock (the system's, a fixed one in tests)
     */
    public static RunListener create(ProgressStyle style, PrintWriter out, Clock clock) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(clock, "clock");
        return switch (Objects.requireNonNull(style, "style")) {
            case LINE -> new ProgressLine(out, clock, REDRAW_INTERVAL);
            case LOG -> new TenantLog(out);
            case QUIET -> RunListener.NONE;
        };
    }
}
