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

/** {@code flotilla upgrade [TARGET]}: upgrades the database of {@code --url}, or prints the SQL with {@code --sql}. */
@Command(name = "upgrade", description = {
        "Upgrade the database of --url, or each selected tenant (--tenant, --tag, --all), to a later version (Alembic's targets: heads, head, +1, REV, LABEL@head).",
        "Prints a line per step as it runs, then a summary.",
        "Exit 0 when done (or nothing to do), 1 when a step failed (the database stays at the revision before it,"
                + " or is dirty where DDL is not transactional), it is dirty or locked; 2 for invalid input."})
final class UpgradeCommand implements Callable<Integer> {

    @ParentCommand
    FlotillaCommand flotilla;

    @Spec
    CommandSpec spec;

    @Mixin
    TenantOptions tenants;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET", defaultValue = "heads",
            description = "The revision to reach (default: heads); with --sql, [FROM:]TO.")
    String target;

    @Option(names = "--sql", description = "Print the SQL instead of running it (offline: needs only a dialect,"
            + " from --dialect or --url, and does not connect).")
    boolean sql;

    @Override
    public Integer call() {
        SingleDatabase single = flotilla.singleDatabase();
        if (sql) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(single.offline().upgrade(target));
            out.flush(); // print() does not flush, and the process exits next
            return ExitCodes.OK;
        }
        SingleDatabase.rejectRange("upgrade", target);
        if (flotilla.tenantMode(tenants, single)) {
            return onTenants(single);
        }
        TargetDatabase database = single.requireTarget("upgrade");
        ProgressPrinter printer = flotilla.printer(spec);
        printer.summary("Upgraded", database.with(true, connection ->
                single.migrator(printer).upgrade(connection, database.schema(), target)));
        return ExitCodes.OK;
    }

    private int onTenants(SingleDatabase single) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Fleet fleet = flotilla.fleet(single, "upgrade")) {
            List<Tenant> selected = fleet.flotilla().select(tenants.selection("upgrade", true));
            return fleet.forEach(selected, out, err, tenant -> ProgressPrinter.summaryText("Upgraded",
                    tenant.upgrade(target, Fleet.listener(tenant.tenant().id(), out, err, flotilla.verbose()))));
        }
    }
}
