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

/** {@code flotilla stamp REV...}: sets the version rows of the database of {@code --url} without running steps. */
@Command(name = "stamp", description = {
        "'stamp' the revision table of the database of --url, or of each selected tenant, with the given revision(s);"
                + " don't run any migrations.",
        "Over tenants it is a fleet run (many at once, see the run options): one line per tenant as it ends;"
                + " exit 1 when any tenant failed, 130 when interrupted (Ctrl-C/SIGTERM: in-flight tenants finish).",
        "Exit 0 when done, 1 when the database is dirty or locked or the write failed; 2 for invalid input."})
final class StampCommand implements Callable<Integer> {

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

    @Parameters(arity = "1..*", paramLabel = "REV",
            description = "The revision(s) to stamp (heads, base, REV, ...); with --sql the first may be FROM:TO.")
    List<String> revisions;

    @Option(names = "--purge", description = "Delete every version row first, unconditionally.")
    boolean purge;

    @Option(names = "--sql", description = "Print the SQL instead of running it (offline: needs only a dialect,"
            + " from --dialect or --url, and does not connect).")
    boolean sql;

    @Override
    public Integer call() {
        return new Movement("stamp", "Stamped", offline -> offline.stamp(revisions, purge),
                (migrator, connection, schema) -> migrator.stamp(connection, schema, revisions, purge),
                FleetCommand.stamp(revisions, purge), target -> FleetCommand.stamp(List.of(target.split(" ")), purge))
                .run(flotilla, spec, tenants, run, records, null, sql, revisions);
    }
}
