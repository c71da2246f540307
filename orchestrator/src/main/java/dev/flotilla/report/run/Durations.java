package dev.flotilla.report.run;

import java.time.Duration;
import java.util.Locale;

/** How progress lines and summaries print lengths of time. */
final class Durations {

    private Durations() {
    }

    /** {@code 25s}, {@code 1m05s}, {@code 2h03m}: short enough for a progress line. */
    static String compact(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }

    /** {@code 850 ms}, {@code 12.3 s}, {@code 4m07s}: a run's elapsed time. */
    static String elapsed(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return compact(duration);
    }
}
