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
import dev.flotilla.run.RunListeners;
import dev.flotilla.run.RunSettings;
import dev.flotilla.run.RunSummary;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A fleet run from the command line: select the tenants (or take them from the journal of the run
 * {@code --resume} or {@code --undo} names), run, and record it (journal, metrics, progress, report, summary). A dry run
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

    /** What a run does and to which tenants, in order. */
    record Work(FleetCommand command, List<Tenant> tenants) {
    }

    /** Chooses the work once the project is open; may read the journals (a resumed or undone run). */
    interface Choice {
        Work choose(Flotilla project, JournalStore journals, PrintWriter err);
    }

    /**
     * Runs {@code command} over the selected tenants, or over those the run {@code resume} left undone
     * (null: a new selection); {@code retarget} makes the command again with a resumed run's target.
     */
    int run(FleetCommand command, Function<String, FleetCommand> retarget, TenantOptions tenants, RunOptions runOptions,
            RecordOptions records, String resume) {
        return run(command.name(), runOptions, records, (project, journals, err) -> resume == null
                ? new Work(command, project.select(tenants.selection(command.name(), true)))
                : resumed(project, journals, err, command, retarget, tenants, resume));
    }

    /** {@code downgrade --undo RUN}: takes back what the run {@code undone} applied, tenant by tenant. */
    int undo(String undone, TenantOptions tenants, RunOptions runOptions, RecordOptions records) {
        return run("downgrade", runOptions, records,
                (project, journals, err) -> UndoneRun.work(project, journals, err, undone, tenants));
    }

    private int run(String commandName, RunOptions runOptions, RecordOptions records, Choice choice) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Clock clock = flotilla.environment().clock();
        String runId = RunIds.next(clock, flotilla.environment().random());
        SingleDatabase single = flotilla.singleDatabase();
        try (Fleet opened = flotilla.fleetRun(single, commandName, runId)) {
            Flotilla project = opened.flotilla();
            JournalStore journals = JournalStores.forProject(project.config(), configFile(single),
                    server -> () -> project.connections().connectServer(server));
            Work work = choice.choose(project, journals, err);
            RunSettings settings = runOptions.settings(project.config().defaults());
            if (!settings.dryRun() && project.options().migrator().timeouts().lockTimeout().isZero()) {
                // a fleet run retries lock timeouts; without one, a busy tenant holds its worker for good
                err.println("warning: lock_timeout is 0 (no limit): a tenant whose table another session holds"
                        + " keeps its worker waiting until that session lets go; set defaults.lock_timeout or"
                        + " --lock-timeout (e.g. 10s) so that the run retries it with backoff instead");
            }
            TenantLines lines = new TenantLines(out, err, past, flotilla.verbose());
            if (settings.dryRun()) {
                RunSummary summary = execute(new FleetRun(project, settings, RunListeners.of(lines)), work, err);
                DryRunPlan.print(summary, out);
                return exitCode(summary);
            }
            RunHeader header = new RunHeader(runId, work.command().name(), work.command().target(),
                    work.tenants().stream().map(Tenant::id).toList(), clock.instant());
            ProgressStyle style = ProgressStyle.choose(flotilla.terminal(), flotilla.quiet());
            try (RunRecording recording = RunRecording.open(journals, header,
                    records.resolvedAgainst(flotilla.workingDirectory()), out, lines, style, clock)) {
                RunSummary summary = execute(new FleetRun(project, settings, recording.listener()), work, err);
                recording.finish(summary, flotilla.quiet());
                return exitCode(summary);
            }
        }
    }

    private static Work resumed(Flotilla project, JournalStore journals, PrintWriter err, FleetCommand command,
                                Function<String, FleetCommand> retarget, TenantOptions tenants, String resume) {
        RecordedRun previous = journals.read(RunIds.requireValid(resume));
        requireResumable(previous, command, tenants);
        previous.warnings().forEach(warning -> err.println("warning: " + warning));
        return new Work(retarget.apply(previous.header().target()), registered(project, previous.resume(), "resumed", err));
    }

    private static RunSummary execute(FleetRun run, Work work, PrintWriter err) {
        try (Interrupts ignored = Interrupts.install(run, err)) {
            return run.run(work.command(), work.tenants());
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

    /**
     * The tenants of {@code ids} still registered, in that order; the others are named on {@code err} as
     * tenants of the {@code previous} ({@code resumed}, {@code undone}) run.
     */
    static List<Tenant> registered(Flotilla project, List<String> ids, String previous, PrintWriter err) {
        List<Tenant> tenants = new ArrayList<>();
        for (String id : ids) {
            project.registry().find(id).ifPresentOrElse(tenants::add, () -> err.println("warning: tenant '" + id
                    + "' of the " + previous + " run is no longer registered; left out"));
        }
        return tenants;
    }
}
