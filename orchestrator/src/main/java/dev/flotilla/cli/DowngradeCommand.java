package dev.flotilla.cli;

import dev.flotilla.run.FleetCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code flotilla downgrade TARGET}: downgrades the database of {@code --url} or the selected tenants, or prints
 * the SQL with {@code --sql}; {@code downgrade --undo RUN} takes back what a recorded fleet run applied.
 */
@Command(name = "downgrade", description = {
        "Revert the database of --url, or each selected tenant, to a previous version (base, -1, REV, LABEL@base).",
        "Prints a line per step as it runs, then a summary.",
        "Over tenants it is a fleet run (many at once, see the run options): one line per tenant as it ends;"
                + " exit 1 when any tenant failed, 130 when interrupted (Ctrl-C/SIGTERM: in-flight tenants finish).",
        "Exit 0 when done (or nothing to do), 1 when a step failed, the database is dirty or locked;"
                + " 2 for invalid input (an irreversible downgrade among them)."})
final class DowngradeCommand implements Callable<Integer> {

    @ParentCommand
    FlotillaCommand flotilla;

    @Spec
    CommandSpec spec;

    @Mixin
    TenantOptions tenants;

    @Mixin
    RunOptions run;

    @Mixin
    RecordOptions records;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET",
            description = "The revision to go back to; with --sql, FROM:TO (the start cannot be read offline).")
    String target;

    @Option(names = "--undo", paramLabel = "RUN",
            description = "Take back what the fleet run RUN (an upgrade) applied: each tenant it moved goes back to"
                    + " where that run found it, unless something moved it since. No TARGET or selection with it.")
    String undo;

    @Option(names = "--sql", description = "Print the SQL instead of running it (offline: needs only a dialect,"
            + " from --dialect or --url, and does not connect).")
    boolean sql;

    @Override
    public Integer call() {
        if (undo != null) {
            return undo();
        }
        if (target == null) {
            // A usage error, as picocli reports a missing parameter, now that --undo makes TARGET optional.
            throw new ParameterException(spec.commandLine(), "Missing required parameter: 'TARGET' (or --undo RUN)");
        }
        return new Movement("downgrade", "Downgraded", offline -> offline.downgrade(target),
                (migrator, connection, schema) -> migrator.downgrade(connection, schema, target),
                FleetCommand.downgrade(target), FleetCommand::downgrade)
                .run(flotilla, spec, tenants, run, records, null, sql, List.of(target));
    }

    private int undo() {
        if (target != null || sql) {
            throw new InputException("--undo RUN takes each tenant back to where that run found it; leave out "
                    + (sql ? "--sql" : "the TARGET '" + target + "'"));
        }
        if (!tenants.given() && !flotilla.tenantMode(tenants, flotilla.singleDatabase())) {
            throw new InputException("--undo works on the tenants of a fleet run; leave out --url and $DATABASE_URL");
        }
        return new TenantRun(flotilla, spec, "Downgraded").undo(undo, tenants, run, records);
    }
}
