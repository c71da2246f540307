package dev.flotilla.cli;

import dev.flotilla.TenantMigrations;
import dev.flotilla.engine.migrate.MigrationListener;
import dev.flotilla.engine.migrate.Migrator;
import dev.flotilla.engine.migrate.OfflineScript;
import dev.flotilla.engine.migrate.RunResult;
import dev.flotilla.registry.Tenant;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.sql.Connection;
import java.util.List;

/**
 * What {@code upgrade}, {@code downgrade} and {@code stamp} share: print the offline script under
 * {@code --sql}; else move the database of {@code --url}, or each selected tenant, and print a summary
 * per target. The commands differ only in the engine call each way, held here.
 *
 * @param command  the command's name, for messages
 * @param past     the summary's verb ({@code Upgraded})
 * @param offline  the offline script for {@code --sql}
 * @param database the move on the database of {@code --url}
 * @param tenant   the move on one selected tenant
 */
record Movement(String command, String past, Offline offline, OnDatabase database, OnTenant tenant) {

    interface Offline {
        String script(OfflineScript offline);
    }

    interface OnDatabase {
        RunResult run(Migrator migrator, Connection connection, String schema);
    }

    interface OnTenant {
        RunResult run(TenantMigrations tenant, MigrationListener listener);
    }

    /** Runs the move as the options say; the exit code. */
    int run(FlotillaCommand flotilla, CommandSpec spec, TenantOptions tenants, boolean sql, List<String> targets) {
        SingleDatabase single = flotilla.singleDatabase();
        PrintWriter out = spec.commandLine().getOut();
        if (sql) {
            out.print(offline.script(single.offline()));
            out.flush(); // print() does not flush, and the process exits next
            return ExitCodes.OK;
        }
        targets.forEach(target -> SingleDatabase.rejectRange(command, target));
        if (flotilla.tenantMode(tenants, single)) {
            PrintWriter err = spec.commandLine().getErr();
            try (Fleet fleet = flotilla.fleet(single, command)) {
                List<Tenant> selected = fleet.flotilla().select(tenants.selection(command, true));
                return fleet.forEach(selected, out, err, each -> ProgressPrinter.summaryText(past, tenant.run(each,
                        Fleet.listener(each.tenant().id(), out, err, flotilla.verbose()))));
            }
        }
        TargetDatabase target = single.requireTarget(command);
        ProgressPrinter printer = flotilla.printer(spec);
        printer.summary(past, target.with(true, connection ->
                database.run(single.migrator(printer), connection, target.schema())));
        return ExitCodes.OK;
    }
}
