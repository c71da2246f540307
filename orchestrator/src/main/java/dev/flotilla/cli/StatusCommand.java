package dev.flotilla.cli;

import dev.flotilla.Flotilla;
import dev.flotilla.engine.revision.RevisionGraph;
import dev.flotilla.registry.Tenant;
import dev.flotilla.status.FailOnSkew;
import dev.flotilla.status.MaxBehind;
import dev.flotilla.status.MinRevision;
import dev.flotilla.status.SkewAnalysis;
import dev.flotilla.status.SkewGate;
import dev.flotilla.status.SkewReport;
import dev.flotilla.status.render.CsvReport;
import dev.flotilla.status.render.HtmlReport;
import dev.flotilla.status.render.JsonReport;
import dev.flotilla.status.render.PrometheusReport;
import dev.flotilla.status.render.ReportRenderer;
import dev.flotilla.status.render.TableReport;
import dev.flotilla.survey.FleetSurvey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code flotilla status}: the version-skew report over the selected tenants, and the gates of a deploy pipeline. */
@Command(name = "status", description = {
        "Report which tenant is at which revision (default: every active tenant): the heads, tenants per revision,"
                + " the count per state (current, behind, ahead, dirty, uninitialized, unreachable) and the tenants"
                + " that are not current (-v: every tenant). --format json|csv|prometheus for scripts and dashboards,"
                + " --html FILE for a page.",
        "Exit 0; 1 when a gate (--fail-on-skew, --min-revision, --max-behind) names a tenant; 2 for invalid input."})
final class StatusCommand implements Callable<Integer> {

    private final Clock clock;

    @ParentCommand
    FlotillaCommand flotilla;

    @Spec
    CommandSpec spec;

    @Mixin
    TenantOptions tenants;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the report as one self-contained HTML page.")
    Path html;

    @Option(names = "--fail-on-skew", description = "Exit 1 unless every selected tenant is current.")
    boolean failOnSkew;

    @Option(names = "--min-revision", paramLabel = "REV",
            description = "Exit 1 if a tenant lacks REV (REV is not one of its revisions nor below them).")
    String minRevision;

    @Option(names = "--max-behind", paramLabel = "N", description = "Exit 1 if a tenant lacks more than N steps to the heads.")
    Integer maxBehind;

    StatusCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        if (flotilla.database.url != null) {
            throw new InputException("status reports on the tenants of a config; for the one database of --url use"
                    + " 'current' or 'history'");
        }
        SingleDatabase single = flotilla.singleDatabase();
        try (Fleet fleet = flotilla.fleet(single, "status")) {
            Flotilla project = fleet.flotilla();
            RevisionGraph graph = project.migrations().graph();
            List<SkewGate> gates = gates(graph); // a bad --min-revision fails before any tenant is read
            List<Tenant> selected = project.select(tenants.selection("status", false));
            Instant time = clock.instant();
            SkewReport report = new SkewAnalysis(graph).report(selected, new FleetSurvey(project).read(selected), time);
            PrintWriter out = spec.commandLine().getOut();
            out.print(renderer().render(report));
            out.flush();
            if (html != null) {
                write(flotilla.workingDirectory().resolve(html), new HtmlReport().render(report));
            }
            return gate(report, gates, spec.commandLine().getErr());
        }
    }

    private List<SkewGate> gates(RevisionGraph graph) {
        List<SkewGate> gates = new ArrayList<>();
        if (failOnSkew) {
            gates.add(new FailOnSkew());
        }
        if (minRevision != null) {
            gates.add(new MinRevision(graph, minRevision));
        }
        if (maxBehind != null) {
            if (maxBehind < 0) {
                throw new InputException("--max-behind must be 0 or more, found " + maxBehind);
            }
            gates.add(new MaxBehind(maxBehind));
        }
        return gates;
    }

    private ReportRenderer renderer() {
        return switch (flotilla.options.format) {
            case TABLE -> new TableReport(flotilla.verbose(), TableReport.DEFAULT_LIMIT);
            case JSON -> new JsonReport();
            case CSV -> new CsvReport();
            case PROMETHEUS -> new PrometheusReport();
        };
    }

    /** Prints each failing gate and its tenants on {@code err}; exit 1 when any gate failed. */
    private static int gate(SkewReport report, List<SkewGate> gates, PrintWriter err) {
        int failed = 0;
        for (SkewGate gate : gates) {
            List<String> failures = gate.failures(report);
            if (!failures.isEmpty()) {
                failed++;
                err.println("error: " + gate.option() + ": " + failures.size() + " of " + report.tenants().size()
                        + (report.tenants().size() == 1 ? " tenant fails" : " tenants fail") + ":");
                failures.forEach(line -> err.println("  " + line));
            }
        }
        err.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** Written beside the target and moved over it, so a reader (a web server, a cron mail) never sees half a page. */
    private static void write(Path file, String text) {
        Path partial = null;
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            partial = Files.createTempFile(folder, ".flotilla-status", ".html");
            Files.writeString(partial, text);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new InputException("cannot write the HTML report to " + file + " (--html): " + e, 2, e);
        }
    }

    /** Cleanup after a failed write: its own failure must not hide the first one. */
    private static void deleteQuietly(Path partial) {
        if (partial == null) {
            return;
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            // the write's error is the one worth reporting; a stray hidden file is harmless
        }
    }
}
