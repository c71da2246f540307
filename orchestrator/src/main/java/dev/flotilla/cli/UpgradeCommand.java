package dev.flotilla.cli;

import dev.flotilla.run.FleetCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code flotilla upgrade [TARGET]}: upgrades the database of {@code --url}, or prints the SQL with {@code --sql}. */
@Command(name = "upgrade", description = {
        "Upgrade the database of --url, or each selected tenant (--tenant, --tag, --all), to a later version (Alembic's targets: heads, head, +1, REV, LABEL@head).",
        "Prints a line per step as it runs, then a summary.",
        "Over tenants it is a fleet run (many at once, see the run options): one line per tenant as it ends;"
                + " exit 1 when any tenant failed, 130 when interrupted (Ctrl-C/SIGTERM: in-flight tenants finish).",
        "Exit 0 when done (or nothing to do), 1 when a step failed (the database stays at the revision before it,"
                + " or is dirty where DDL is not transactional), it is dirty or locked; 2 for invalid input."})
final class UpgradeCommand implements Callable<Integer> {

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

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET", defaultValue = "heads",
            description = "The revision to reach (default: heads); with --sql, [FROM:]TO.")
    String target;

    @Option(names = "--sql", description = "Print the SQL instead of running it (offline: needs only a dialect,"
            + " from --dialect or --url, and does not connect).")
    boolean sql;

    @Option(names = "--resume", paramLabel = "RUN",
            description = "Run again the tenants the fleet run RUN failed, found locked, skipped or never started, to that run's target.")
    String resume;

    @Override
    public Integer call() {
        return new Movement("upgrade", "Upgraded", offline -> offline.upgrade(target),
                (migrator, connection, schema) -> migrator.upgrade(connection, schema, target),
                FleetCommand.upgrade(target), FleetCommand::upgrade)
                .run(flotilla, spec, tenants, run, records, resume, sql, List.of(target));
    }
}
