package dev.flotilla.report.run;

/** How a fleet run shows its progress while it goes. */
public enum ProgressStyle {
    /** One line redrawn in place: for a terminal. */
    LINE,
    /** One line per finished tenant: for logs, pipes and CI. */
    LOG,
    /** Nothing until the summary: {@code -q}. */
    QUIET;

    /**
     * The style for an output: quiet wins, then a terminal gets the redrawn line. Whether the output is a
     * terminal is the caller's call (the CLI's {@code CliEnvironment.terminal()}), so tests can choose.
     */
    public static ProgressStyle choose(boolean terminal, boolean quiet) {
        if (quiet) {
            return QUIET;
        }
        return terminal ? LINE : LOG;
    }
}
