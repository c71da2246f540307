package dev.flotilla.cli;

import dev.flotilla.engine.migrate.RepairAction;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code flotilla repair}: clears the dirty state of the database of {@code --url} after a person fixed it. */
@Command(name = "repair", description = {
        "Clear a dirty database (a step that could not roll back failed part-way) once you have looked at it.",
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

    @Override
    public Integer call() {
        SingleDatabase single = flotilla.singleDatabase();
        TargetDatabase database = single.requireTarget("repair");
        ProgressPrinter printer = flotilla.printer(spec);
        printer.repaired(action.name(), database.with(true, connection ->
                single.migrator(printer).repair(connection, database.schema(), action.value())));
        return ExitCodes.OK;
    }
}
