package dev.flotilla.cli;

import picocli.CommandLine.Command;
import dev.flotilla.registry.Tenant;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code flotilla stamp REV...}: sets the version rows of the database of {@code --url} without running steps. */
@Command(name = "stamp", description = {
        "'stamp' the revision table of the database of --url, or of each selected tenant, with the given revision(s);"
                + " don't run any migrations.",
        "Exit 0 when done, 1 when the database is dirty or locked or the write failed; 2 for invalid input."})
final class StampCommand implements Callable<Integer> {

    @ParentCommand
    FlotillaCommand flotilla;

    @Spec
    CommandSpec spec;

    @Mixin
    TenantOptions tenants;

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
        SingleDatabase single = flotilla.singleDatabase();
        if (sql) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(single.offline().stamp(revisions, purge));
            out.flush(); // print() does not flush, and the process exits next
            return ExitCodes.OK;
        }
        revisions.forEach(revision -> SingleDatabase.rejectRange("stamp", revision));
        if (flotilla.tenantMode(tenants, single)) {
            return onTenants(single);
        }
        TargetDatabase database = single.requireTarget("stamp");
        ProgressPrinter printer = flotilla.printer(spec);
        printer.summary("Stamped", database.with(true, connection ->
                single.migrator(printer).stamp(connection, database.schema(), revisions, purge)));
        return ExitCodes.OK;
    }

    private int onTenants(SingleDatabase single) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Fleet fleet = flotilla.fleet(single, "stamp")) {
            List<Tenant> selected = fleet.flotilla().select(tenants.selection("stamp", true));
            return fleet.forEach(selected, out, err, tenant -> ProgressPrinter.summaryText("Stamped",
                    tenant.stamp(revisions, purge, Fleet.listener(tenant.tenant().id(), out, err, flotilla.verbose()))));
        }
    }
}
