package dev.flotilla.cli;

import dev.flotilla.journal.JournalStore;
import dev.flotilla.journal.RunHeader;
import dev.flotilla.journal.RunJournal;
import dev.flotilla.metrics.MetricsOutput;
import dev.flotilla.metrics.MetricsSettings;
import dev.flotilla.report.run.ProgressStyle;
import dev.flotilla.report.run.RunProgress;
import dev.flotilla.report.run.RunReportJson;
import dev.flotilla.report.run.RunSummaryText;
import dev.flotilla.run.RunListener;
import dev.flotilla.run.RunListeners;
import dev.flotilla.run.RunSummary;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a fleet run started from the command line records: its journal (always), metrics
 * ({@code --metrics-port}, {@code --metrics-file}), the progress display, and at the end the JSON report
 * ({@code --report}) and the summary. Opened before the run, closed after it; one run each.
 */
final class RunRecording implements AutoCloseable {

    private final RunJournal journal;
    private final MetricsOutput metrics;
    private final RunListener listener;
    private final RecordOptions options;
    private final PrintWriter out;

    private RunRecording(RunJournal journal, MetricsOutput metrics, RunListener listener, RecordOptions options,
                         PrintWriter out) {
        this.journal = journal;
        this.metrics = metrics;
        this.listener = listener;
        this.options = options;
        this.out = out;
    }

    /**
     * Begins the journal with {@code header} and starts the metrics; {@code lines} is the per-tenant output
     * used when the output is not a terminal (in the other styles, only its warnings and errors).
     */
    static RunRecording open(JournalStore journals, RunHeader header, RecordOptions options, PrintWriter out,
                             TenantLines lines, ProgressStyle style, Clock clock) {
        MetricsOutput metrics = MetricsOutput.open(MetricsSettings.of(options.metricsPort, options.metricsFile));
        RunJournal journal = journals.journal();
        try {
            journal.begin(header);
        } catch (RuntimeException e) {
            closeQuietly(metrics);
            journal.close();
            throw e;
        }
        // The journal hears each event first: a crash right after an event loses it from nothing else.
        List<RunListener> all = new ArrayList<>(List.of(journal, metrics.listener()));
        all.addAll(display(style, lines, out, clock));
        return new RunRecording(journal, metrics, RunListeners.of(all), options, out);
    }

    /** What the person running the command sees: the style's progress, and warnings and errors in every style. */
    private static List<RunListener> display(ProgressStyle style, TenantLines lines, PrintWriter out, Clock clock) {
        return style == ProgressStyle.LOG ? List.of(lines)
                : List.of(RunProgress.create(style, out, clock, lines.problemsOnly()));
    }

    RunListener listener() {
        return listener;
    }

    /** Writes the report, if asked for, and prints the summary after a blank line (quiet: only when a tenant failed). */
    void finish(RunSummary summary, boolean quiet) {
        if (options.report != null) {
            try {
                new RunReportJson().write(summary, options.report);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the report " + options.report + ": " + e.getMessage(), e);
            }
        }
        if (!quiet || summary.anyFailed()) {
            out.println(); // the summary is a section of its own, after the tenants' lines
            out.print(new RunSummaryText().render(summary));
            out.flush();
        }
    }

    /** Stops the metrics (writing their file) and closes the journal; a journal write that failed is thrown here. */
    @Override
    public void close() {
        try {
            metrics.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the metrics file " + options.metricsFile + ": " + e.getMessage(), e);
        } finally {
            journal.close();
        }
    }

    private static void closeQuietly(MetricsOutput metrics) {
        try {
            metrics.close();
        } catch (IOException e) {
            // The journal's failure is the one to report; the metrics never started serving a run.
        }
    }
}
