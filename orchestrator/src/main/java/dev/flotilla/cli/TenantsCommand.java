package dev.flotilla.cli;

import dev.flotilla.registry.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code flotilla tenants [list|show ID]}: the registry as Flotilla sees it. Reads no tenant database. */
@Command(name = "tenants", description = {
        "List the tenants of the registry (the selected ones; by default every active tenant): id, server, state,"
                + " schema/database/file and tags. --format json|csv for scripts.",
        "Exit 0; 2 for an invalid config, registry or selection."},
        subcommands = {TenantsCommand.ListCommand.class, TenantsCommand.ShowCommand.class})
final class TenantsCommand implements Callable<Integer> {

    @ParentCommand
    FlotillaCommand flotilla;

    @Spec
    CommandSpec spec;

    @Mixin
    TenantOptions tenants;

    @Override
    public Integer call() {
        return list(flotilla, spec, tenants);
    }

    static int list(FlotillaCommand flotilla, CommandSpec spec, TenantOptions tenants) {
        SingleDatabase single = flotilla.singleDatabase();
        try (Fleet fleet = flotilla.fleet(single, "tenants")) {
            List<Tenant> selected = fleet.flotilla().select(tenants.selection("tenants", false));
            print(spec, new TenantTable(fleet.flotilla().registry(), flotilla.workingDirectory())
                    .list(selected, flotilla.options.format));
        }
        return ExitCodes.OK;
    }

    static void print(CommandSpec spec, String text) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush(); // print() does not flush, and the process exits next
    }

    @Command(name = "list", description = "List the selected tenants (default: every active one).")
    static final class ListCommand implements Callable<Integer> {

        @ParentCommand
        TenantsCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        TenantOptions tenants;

        @Override
        public Integer call() {
            return TenantsCommand.list(parent.flotilla, spec, tenants);
        }
    }

    @Command(name = "show", description = "Show one tenant (in any state): where it lives, its masked URL, tags,"
            + " attributes and where the registry names it.")
    static final class ShowCommand implements Callable<Integer> {

        @ParentCommand
        TenantsCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "The tenant id.")
        String id;

        @Override
        public Integer call() {
            FlotillaCommand flotilla = parent.flotilla;
            try (Fleet fleet = flotilla.fleet(flotilla.singleDatabase(), "tenants show")) {
                Tenant tenant = fleet.flotilla().registry().tenant(id);
                print(spec, new TenantTable(fleet.flotilla().registry(), flotilla.workingDirectory())
                        .show(tenant, flotilla.options.format));
            }
            return ExitCodes.OK;
        }
    }
}
