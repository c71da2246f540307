package dev.flotilla.cli;

import dev.flotilla.engine.migrate.Migrator;
import dev.flotilla.engine.migrate.OfflineScript;
import dev.flotilla.engine.migrate.RunResult;
import dev.flotilla.registry.Tenant;
import dev.flotilla.run.FleetCommand;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.sql.Connection;
import java.util.List;
import java.util.function.Function;

/**
 * What {@code upgrade}, {@code downgrade} and {@code stamp} share: print the offline script under
 * {@code --sql}; else move the database of {@code --url}, or run the command over the selected tenants
 * as a fleet run. The commands differ only in the engine call each way, held here.
 *
 * @param command  the command's name, for messages
 * @param past     the summary's verb ({@code Upgraded})
 * @param offline  the offline script for {@code --sql}
 * @param database the move on the database of {@code --url}
 * @param fleet    the move on each selected tenant
 * @param retarget the same move to another target (a resumed run's)
 */
record Movement(String command, String past, Offline offline, OnDatabase database, FleetCommand fleet,
                Function<String, FleetCommand> retarget) {

    interface Offline {
        String script(OfflineScript offline);
    }

    interface OnDatabase {
        RunResult run(Migrator migrator, Connection connection, String schema);
    }

    /** Runs the move as the options say; the exit code. */
    int run(FlotillaCommand flotilla, CommandSpec spec, TenantOptions tenants, RunOptions runOptions,
            RecordOptions records, String resume, boolean sql, List<String> targets) {
        SingleDatabase single = flotilla.singleDatabase();
        PrintWriter out = spec.commandLine().getOut();
        if (sql && tenants.given()) {
            return offlineForTenants(flotilla, out, tenants, single);
        }
        if (sql) {
            out.print(offline.script(single.offline()));
            out.flush(); // print() does not flush, and the process exits next
            return ExitCodes.OK;
        }
        targets.forEach(target -> SingleDatabase.rejectRange(command, target));
        if (flotilla.tenantMode(tenants, single)) {
            return onTenants(flotilla, spec, tenants, runOptions, records, resume);
        }
        TargetDatabase target = single.requireTarget(command);
        ProgressPrinter printer = flotilla.printer(spec);
        printer.summary(past, target.with(true, connection ->
                database.run(single.migrator(printer), connection, target.schema())));
        return ExitCodes.OK;
    }

    /** {@code --sql} with a selection: each selected tenant's script, positioned on its schema or database. */
    private int offlineForTenants(FlotillaCommand flotilla, PrintWriter out, TenantOptions tenants, SingleDatabase single) {
        try (Fleet opened = flotilla.fleet(single, command)) {
            for (Tenant tenant : opened.flotilla().select(tenants.selection(command, true))) {
                String runId = opened.flotilla().options().runIds().get();
                out.println("-- tenant " + tenant.id() + " (server " + tenant.server() + ")");
                out.print(offline.script(opened.flotilla().tenant(tenant).offlineScript(runId)));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    private int onTenants(FlotillaCommand flotilla, CommandSpec spec, TenantOptions tenants, RunOptions runOptions,
                          RecordOptions records, String resume) {
        return new TenantRun(flotilla, spec, past).run(fleet, retarget, tenants, runOptions, records, resume);
    }
}
