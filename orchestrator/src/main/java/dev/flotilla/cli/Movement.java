package dev.flotilla.cli;

import dev.flotilla.engine.migrate.Migrator;
import dev.flotilla.engine.migrate.OfflineScript;
import dev.flotilla.engine.migrate.RunResult;
import dev.flotilla.registry.Tenant;
import dev.flotilla.run.FleetCommand;
import dev.flotilla.run.FleetRun;
import dev.flotilla.run.RunListener;
import dev.flotilla.run.RunListeners;
import dev.flotilla.run.RunSettings;
import dev.flotilla.run.RunSummary;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

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
 */
record Movement(String command, String past, Offline offline, OnDatabase database, FleetCommand fleet) {

    interface Offline {
        String script(OfflineScript offline);
    }

    interface OnDatabase {
        RunResult run(Migrator migrator, Connection connection, String schema);
    }

    /** Runs the move as the options say; the exit code. */
    int run(FlotillaCommand flotilla, CommandSpec spec, TenantOptions tenants, RunOptions runOptions, boolean sql,
            List<String> targets) {
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
            return onTenants(flotilla, spec, tenants, runOptions, single);
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
                          SingleDatabase single) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Fleet opened = flotilla.fleet(single, command)) {
            List<Tenant> selected = opened.flotilla().select(tenants.selection(command, true));
            RunSettings settings = runOptions.settings(opened.flotilla().config().defaults());
            List<RunListener> listeners = new ArrayList<>();
            listeners.add(new TenantLines(out, err, past, flotilla.verbose()));
            listeners.addAll(opened.listeners());
            FleetRun run = new FleetRun(opened.flotilla(), settings, RunListeners.of(listeners));
            RunSummary summary;
            try (Interrupts ignored = Interrupts.install(run, err)) {
                summary = run.run(fleet, selected);
            }
            if (settings.dryRun()) {
                DryRunPlan.print(summary, out);
            }
            return summary.interrupted() ? Interrupts.EXIT_CODE : summary.anyFailed() ? ExitCodes.FAILED : ExitCodes.OK;
        }
    }
}
