package dev.flotilla.cli;

import dev.flotilla.TenantMigrations;
import dev.flotilla.registry.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code flotilla provision ID}: creates a tenant's schema, database or folder when missing, then upgrades it
 * to heads; with {@code --register --server S} adds it to the registry first, in state provisioning.
 */
@Command(name = "provision", description = {
        "Create the tenant's schema (PostgreSQL schema-per-tenant), database (database-per-tenant) or SQLite"
                + " folder if missing, then upgrade it to heads. Safe to run twice.",
        "With --register --server S: add the tenant to the registry (its file or control table) first, in state provisioning; it becomes"
                + " active only after the upgrade succeeded.",
        "Exit 0 when done, 1 when creating or upgrading failed, 2 for invalid input."})
final class ProvisionCommand implements Callable<Integer> {

    @ParentCommand
    FlotillaCommand flotilla;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The tenant id.")
    String id;

    @Option(names = "--register", description = "Add the tenant to the registry first (needs --server).")
    boolean register;

    @Option(names = "--server", paramLabel = "S", description = "With --register: the server the tenant lives on.")
    String server;

    @Option(names = "--database", paramLabel = "NAME",
            description = "With --register: the tenant's database (database-per-tenant; default from the URL template).")
    String databaseName;

    @Override
    public Integer call() {
        if (register != (server != null)) {
            throw new InputException("provision: --register and --server go together (--register --server S)");
        }
        if (!register && (databaseName != null || flotilla.database.schema != null)) {
            throw new InputException("provision: --schema and --database are for a new tenant, with --register --server S");
        }
        SingleDatabase single = flotilla.singleDatabase();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Fleet fleet = flotilla.fleet(single, "provision")) {
            TenantMigrations tenant = register
                    ? fleet.flotilla().register(Tenant.of(id, server, databaseName, flotilla.database.schema))
                    : fleet.flotilla().tenant(id);
            String result = ProgressPrinter.summaryText("Provisioned", tenant.provision(
                    Fleet.listener(id, out, err, flotilla.verbose())));
            out.println(id + ": " + result);
            out.flush();
        }
        return ExitCodes.OK;
    }
}
