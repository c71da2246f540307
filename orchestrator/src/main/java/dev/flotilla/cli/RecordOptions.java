package dev.flotilla.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * What a fleet run writes besides its output (docs/run-reports.md), mixed into {@code upgrade},
 * {@code downgrade} and {@code stamp}. The journal is always written; these add to it.
 */
final class RecordOptions {

    @Option(names = "--report", paramLabel = "FILE", description = "Write the run's JSON report (every tenant: from, to, steps, attempts, duration, outcome, error) to FILE.")
    Path report;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve Prometheus metrics at http://127.0.0.1:PORT/metrics while the run goes (0: any free port).")
    Integer metricsPort;

    @Option(names = "--metrics-file", paramLabel = "FILE",
            description = "Write Prometheus metrics to FILE when the run ends (for node_exporter's textfile collector: name it *.prom).")
    Path metricsFile;

    /** These options with relative files taken from {@code workingDirectory}, where the command was run. */
    RecordOptions resolvedAgainst(Path workingDirectory) {
        RecordOptions resolved = new RecordOptions();
        resolved.report = report == null ? null : workingDirectory.resolve(report);
        resolved.metricsPort = metricsPort;
        resolved.metricsFile = metricsFile == null ? null : workingDirectory.resolve(metricsFile);
        return resolved;
    }
}
