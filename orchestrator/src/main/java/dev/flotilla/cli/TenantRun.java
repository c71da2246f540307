package dev.flotilla.cli;

import dev.flotilla.Flotilla;
import dev.flotilla.journal.JournalStore;
import dev.flotilla.journal.JournalStores;
import dev.flotilla.journal.RecordedRun;
import dev.flotilla.journal.RunHeader;
import dev.flotilla.journal.RunIds;
import dev.flotilla.registry.Tenant;
import dev.flotilla.report.run.ProgressStyle;
import dev.flotilla.run.FleetCommand;
import dev.flotilla.run.FleetRun;
import dev.flotilla.run.RunListener;
import dev.flotilla.run.RunListeners;
import dev.flotilla.run.RunSettings;
import dev.flotilla.run.RunSummary;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A fleet run from the command line: select the tenants (or take them from the journal of the run
 * {@code --resume} names), run, and record it (journal, metrics, progress, report, summary). A dry run
 * records nothing. Returns the exit code: 0, 1 when a tenant failed, 130 when interrupted.
 */
final class TenantRun {

    private final FlotillaCommand flotilla;
    private final CommandSpec spec;
    private final String past;

    TenantRun(FlotillaCommand flotilla, CommandSpec spec, String past) {
        this.flotilla = flotilla;
        this.spec = spec;
        this.past = past;
    }

    /**
     * Runs {@code command} over the selected tenants, or over those the run {@code resume} left undone
     * (null: a new selection); {@code retarget} makes the command again with a resumed run's target.
     */
    int run(FleetCommand command, Function<String, FleetCommand> retarget, TenantOptions tenants, RunOptions runOptions,
            RecordOptions records, String resume) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Clock clock = flotilla.environment().clock();
        String runId = RunIds.next(clock, flotilla.environment().random());
        SingleDatabase single = flotilla.singleDatabase();
        try (Fleet opened = flotilla.fleetRun(single, command.name(), runId)) {
            Flotilla project = opened.flotilla();
            JournalStore journals = JournalStores.forProject(project.config(), configFile(single),
                    server -> () -> project.connections().connectServer(server));
            FleetCommand what = command;
            List<Tenant> selected;
            if (resume != null) {
                RecordedRun previous = journals.read(RunIds.requireValid(resume));
                requireResumable(previous, command, tenants);
                previous.warnings().forEach(warning -> err.println("warning: " + warning));
                what = retarget.apply(previous.header().target());
                selected = registered(project, previous.resume(), err);
            } else {
                selected = project.select(tenants.selection(command.name(), true));
            }
            RunSettings settings = runOptions.settings(project.config().defaults());
            RunListener lines = new TenantLines(out, err, past, flotilla.verbose());
            if (settings.dryRun()) {
                RunSummary summary = execute(new FleetRun(project, settings, RunListeners.of(lines)), what, selected, err);
                DryRunPlan.print(summary, out);
                return exitCode(summary);
            }
            RunHeader header = new RunHeader(runId, what.name(), what.target(),
                    selected.stream().map(Tenant::id).toList(), clock.instant());
            ProgressStyle style = ProgressStyle.choose(flotilla.terminal(), flotilla.quiet());
            try (RunRecording recording = RunRecording.open(journals, header, records, out, lines, style, clock)) {
                RunSummary summary = execute(new FleetRun(project, settings, recording.listener()), what, selected, err);
                recording.finish(summary, flotilla.quiet());
                return exitCode(summary);
            }
        }
    }

    private static RunSummary execute(FleetRun run, FleetCommand command, List<Tenant> selected, PrintWriter err) {
        try (Interrupts ignored = Interrupts.install(run, err)) {
            return run.run(command, selected);
        }
    }

    private static int exitCode(RunSummary summary) {
        return summary.interrupted() ? Interrupts.EXIT_CODE : summary.anyFailed() ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private static Path configFile(SingleDatabase single) {
        return single.project().configFile().orElseThrow(() -> new InputException("a fleet run needs a flotilla.yaml"));
    }

    private static void requireResumable(RecordedRun previous, FleetCommand command, TenantOptions tenants) {
        if (tenants.given()) {
            throw new InputException("--resume takes its tenants from the run it names; leave out --tenant, --tag,"
                    + " --all, --exclude, --shard and --state");
        }
        if (!previous.header().command().equals(command.name())) {
            throw new InputException("run " + previous.header().runId() + " was a " + previous.header().command()
                    + ", not a " + command.name() + "; resume it with `flotilla " + previous.header().command()
                    + " --resume " + previous.header().runId() + "`");
        }
    }

    /** The tenants of {@code ids} still registered, in that order; the others are named on {@code err}. */
    private static List<Tenant> registered(Flotilla project, List<String> ids, PrintWriter err) {
        Map<String, Tenant> byId = project.registry().tenants().stream()
                .collect(Collectors.toMap(Tenant::id, tenant -> tenant, (a, b) -> a));
        List<Tenant> tenants = new ArrayList<>();
        for (String id : ids) {
            Tenant tenant = byId.get(id);
            if (tenant == null) {
                err.println("warning: tenant '" + id + "' of the resumed run is no longer registered; left out");
            } else {
                tenants.add(tenant);
            }
        }
        return tenants;
    }
}
