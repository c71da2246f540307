package dev.flotilla.cli;

import dev.flotilla.TenantMigrations;
import dev.flotilla.engine.migrate.RepairAction;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code flotilla repair}: clears the dirty state of the database of {@code --url}, or of one tenant of the
 * config ({@code --tenant ID}), after a person fixed it.
 */
@Command(name = "repair", description = {
        "Clear a dirty database (a step that could not roll back failed part-way) once you have looked at it:"
                + " the database of --url, or with --tenant ID that tenant of the config.",
        "Exit 0 when repaired, 1 when resuming failed again or the database is locked; 2 for invalid input,"
                + " including a database that is not dirty."})
final class RepairCommand implements Callable<Integer> {

    /** Exactly one of the three: picocli rejects none or several as a usage error (exit 2). */
    static final class Action {
        @Option(names = "--resume", required = true,
                description = "Run the step's remaining statements, from the first that did not complete.")
        boolean resume;

        @Option(names = "--mark-applied", required = true,
                description = "Record the step as applied: you finished it by hand.")
        boolean markApplied;

        @Option(names = "--mark-not-applied", required = true,
                description = "Record the step as not applied: you undid what had run.")
        boolean markNotApplied;

        String name() {
            return resume ? "resume" : markApplied ? "mark-applied" : "mark-not-applied";
        }

        RepairAction value() {
            return resume ? RepairAction.RESUME : markApplied ? RepairAction.MARK_APPLIED
                    : RepairAction.MARK_NOT_APPLIED;
        }
    }

    @ParentCommand
    FlotillaCommand flotilla;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    @Option(names = "--tenant", paramLabel = "ID",
            description = "Repair this tenant of the config (its exact id: one tenant at a time).")
    String tenant;

    @Override
    public Integer call() {
        SingleDatabase single = flotilla.singleDatabase();
        if (tenant != null) {
            if (flotilla.database.url != null) {
                throw new InputException("--url names one database and --tenant one tenant of the config; give one of them");
            }
            try (Fleet fleet = flotilla.fleet(single, "repair --tenant")) {
                TenantMigrations migrations = fleet.flotilla().tenant(tenant);
                ProgressPrinter printer = flotilla.printer(spec);
                printer.repaired(migrations.describe(), action.name(), migrations.repair(action.value(), printer));
                return ExitCodes.OK;
            }
        }
        TargetDatabase database = single.requireTarget("repair");
        ProgressPrinter printer = flotilla.printer(spec);
        printer.repaired(action.name(), database.with(true, connection ->
                single.migrator(printer).repair(connection, database.schema(), action.value())));
        return ExitCodes.OK;
    }
}
