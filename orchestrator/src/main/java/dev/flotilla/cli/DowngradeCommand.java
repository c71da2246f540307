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

/** {@code flotilla downgrade TARGET}: downgrades the database of {@code --url}, or prints the SQL with {@code --sql}. */
@Command(name = "downgrade", description = {
        "Revert the database of --url, or each selected tenant, to a previous version (base, -1, REV, LABEL@base).",
        "Prints a line per step as it runs, then a summary.",
        "Exit 0 when done (or nothing to do), 1 when a step failed, the database is dirty or locked;"
                + " 2 for invalid input (an irreversible downgrade among them)."})
final class DowngradeCommand implements Callable<Integer> {

    @ParentCommand
    FlotillaCommand flotilla;

    @Spec
    CommandSpec spec;

    @Mixin
    TenantOptions tenants;

    @Parameters(index = "0", paramLabel = "TARGET",
            description = "The revision to go back to; with --sql, FROM:TO (the start cannot be read offline).")
    String target;

    @Option(names = "--sql", description = "Print the SQL instead of running it (offline: needs only a dialect,"
            + " from --dialect or --url, and does not connect).")
    boolean sql;

    @Override
    public Integer call() {
        SingleDatabase single = flotilla.singleDatabase();
        if (sql) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(single.offline().downgrade(target));
            out.flush(); // print() does not flush, and the process exits next
            return ExitCodes.OK;
        }
        SingleDatabase.rejectRange("downgrade", target);
        if (flotilla.tenantMode(tenants, single)) {
            return onTenants(single);
        }
        TargetDatabase database = single.requireTarget("downgrade");
        ProgressPrinter printer = flotilla.printer(spec);
        printer.summary("Downgraded", database.with(true, connection ->
                single.migrator(printer).downgrade(connection, database.schema(), target)));
        return ExitCodes.OK;
    }

    private int onTenants(SingleDatabase single) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Fleet fleet = flotilla.fleet(single, "downgrade")) {
            List<Tenant> selected = fleet.flotilla().select(tenants.selection("downgrade", true));
            return fleet.forEach(selected, out, err, tenant -> ProgressPrinter.summaryText("Downgraded",
                    tenant.downgrade(target, Fleet.listener(tenant.tenant().id(), out, err, flotilla.verbose()))));
        }
    }
}
