package dev.flotilla.report.run;

import dev.flotilla.run.RunListener;
import dev.flotilla.run.RunListeners;

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
        return create(style, out, clock, RunListener.NONE);
    }

    /**
     * As {@link #create(ProgressStyle, PrintWriter, Clock)}, with {@code above}, a listener that prints
     * lines of its own (warnings and errors, say) while the progress shows: it hears every event, and
     * with {@link ProgressStyle#LINE} it hears it under the line's lock, the line cleared before a warning
     * or a failed or locked tenant and drawn again after it, so that its lines never share a row with it.
     */
    public static RunListener create(ProgressStyle style, PrintWriter out, Clock clock, RunListener above) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(above, "above");
        return switch (Objects.requireNonNull(style, "style")) {
            case LINE -> new ProgressLine(out, clock, REDRAW_INTERVAL, above);
            case LOG -> RunListeners.of(above, new TenantLog(out));
            case QUIET -> above;
        };
    }
}
