package dev.flotilla.engine.migrate;

import dev.flotilla.engine.dialect.Dialect;
import dev.flotilla.engine.migrate.StatementRunner.StatementFailure;
import dev.flotilla.engine.revision.Direction;
import dev.flotilla.engine.revision.Step;
import dev.flotilla.engine.script.StepSql;
import dev.flotilla.engine.sql.SqlStatement;

import java.sql.SQLException;
import java.util.List;

/**
 * Turns a database error into a {@link MigrationException} whose message lets a person act: which target,
 * revision, statement and file line, the database's words and codes, and the state the target is in now.
 * The one place where {@link SQLException}s of a run are translated.
 */
final class Failures {

    /** What a failure left behind. */
    enum Consequence {
        STEP_ROLLED_BACK("Everything this step did was rolled back; the target is at the revision before it."),
        GROUP_ROLLED_BACK("This step and the steps without statements that follow it were recorded in one transaction"
                + " and were rolled back together; the target is at the revision before this step."),
        RUN_ROLLED_BACK("The whole run was rolled back (one transaction for the run); the target is where the"
                + " run started."),
        NOTHING_CHANGED("It was refused before it changed anything (a lock it waited for, a deadlock, or a check"
                + " made before the statement runs), and no"
                + " statement of this step had run: the target is at the revision before it."),
        DIRTY("The statements before it stay applied (they committed by themselves), so the target is now dirty:"
                + " nothing will migrate it until it is repaired. Fix the database, then run 'repair' with"
                + " --resume, --mark-applied or --mark-not-applied.");

        private final String sentence;

        Consequence(String sentence) {
            this.sentence = sentence;
        }
    }

    /** A failed statement outside a transaction may have done part of its work (a multi-table DDL). */
    private static final String FIRST_STATEMENT_DIRTY = "No statement of this step completed, but the failed one ran"
            + " outside a transaction and may have left part of its work behind, so the target is now dirty:"
            + " nothing will migrate it until it is repaired. Check the database, then run 'repair' with"
            + " --resume, --mark-applied or --mark-not-applied.";

    /** Statement text shown in a message is cut here: enough to recognise it. */
    private static final int EXCERPT = 160;

    private final Dialect dialect;
    private final String target;

    Failures(Dialect dialect, String target) {
        this.dialect = dialect;
        this.target = target;
    }

    MigrationException statementFailed(Step step, StepSql sql, List<SqlStatement> statements,
                                       StatementFailure failure, Consequence consequence) {
        SQLException cause = failure.sqlException();
        SqlStatement statement = statements.get(failure.index());
        String message = target + ": " + verb(step) + " " + step.revision().id() + " failed at statement "
                + (failure.index() + 1) + " of " + statements.size() + " (" + sql.file() + " line " + statement.line()
                + "): " + databaseMessage(cause) + "\n  statement: " + excerpt(statement.text()) + "\n  "
                + (consequence == Consequence.DIRTY && failure.index() == 0 ? FIRST_STATEMENT_DIRTY
                        : consequence.sentence);
        return new MigrationException(message, target, step.revision().id(), failure.index() + 1,
                dialect.isTransient(cause), consequence == Consequence.DIRTY, cause);
    }

    MigrationException stepFailed(Step step, SQLException cause, Consequence consequence) {
        String message = target + ": " + verb(step) + " " + step.revision().id() + " failed while recording it: "
                + databaseMessage(cause) + "\n  " + consequence.sentence;
        return new MigrationException(message, target, step.revision().id(), 0, dialect.isTransient(cause),
                consequence == Consequence.DIRTY, cause);
    }

    /** A failure outside any step: connecting, positioning, locking, reading the version table. */
    MigrationException beforeSteps(String doing, SQLException cause) {
        return new MigrationException(target + ": failed while " + doing + ": " + databaseMessage(cause)
                + "\n  Nothing was changed.", target, null, 0, dialect.isTransient(cause), false, cause);
    }

    static String databaseMessage(SQLException e) {
        String codes = "";
        if (e.getSQLState() != null) {
            codes = " [SQLSTATE " + e.getSQLState() + (e.getErrorCode() != 0 ? ", code " + e.getErrorCode() : "") + "]";
        } else if (e.getErrorCode() != 0) {
            codes = " [code " + e.getErrorCode() + "]";
        }
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        return text + codes;
    }

    private static String verb(Step step) {
        return step.direction() == Direction.UP ? "upgrade to" : "downgrade of";
    }

    private static String excerpt(String statement) {
        String flat = statement.strip().replaceAll("\\s+", " ");
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT - 1) + "…";
    }
}
