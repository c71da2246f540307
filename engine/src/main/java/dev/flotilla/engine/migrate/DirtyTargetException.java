package dev.flotilla.engine.migrate;

import dev.flotilla.engine.EngineException;

/**
 * A target is dirty: a step that could not be rolled back failed or was interrupted part-way. Nothing
 * migrates it until a person has looked and run {@code repair}. Exit code 1.
 */
public class DirtyTargetException extends EngineException {

    private final String target;
    private final HistoryEntry step;

    public DirtyTargetException(String target, HistoryEntry step) {
        this(target, step, "repair");
    }

    /**
     * @param repair the command that repairs this target, as the message should tell it
     *               ({@code repair --tenant acme} for a tenant of a config)
     */
    public DirtyTargetException(String target, HistoryEntry step, String repair) {
        super(describe(target, step, repair), 1, null);
        this.target = target;
        this.step = step;
    }

    public String target() {
        return target;
    }

    /** The history row of the step that left the target dirty. */
    public HistoryEntry step() {
        return step;
    }

    private static String describe(String target, HistoryEntry step, String repair) {
        String how = step.outcome() == HistoryEntry.Outcome.RUNNING
                ? "was interrupted (the process died or lost its connection)"
                : "failed";
        String where = step.statementsDone() == 0
                ? "before its first statement completed"
                : "after statement " + step.statementsDone() + " of " + step.statementsTotal() + " completed";
        String error = step.error() == null ? "" : "; the error was: " + step.error();
        return target + " is dirty: the " + step.action().column() + " of revision " + step.revision() + " "
                + how + " " + where + error + ". Nothing will migrate it until it is repaired: check the"
                + " database, then run '" + repair + " --resume' (run the remaining statements), '" + repair
                + " --mark-applied' (you finished the step by hand) or '" + repair + " --mark-not-applied' (you undid"
                + " it).";
    }
}
