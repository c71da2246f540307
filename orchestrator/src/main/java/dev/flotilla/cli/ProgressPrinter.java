package dev.flotilla.cli;

import dev.flotilla.engine.migrate.MigrationListener;
import dev.flotilla.engine.migrate.RunResult;
import dev.flotilla.engine.migrate.StepResult;
import dev.flotilla.engine.revision.Direction;
import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.revision.Step;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * Prints a run as it goes: one line per step as Alembic logs it ({@code Running upgrade <down> -> <rev>,
 * <message>}) on stdout, unless quiet; warnings as {@code warning: ...} on stderr; and a summary line at
 * the end. Used on the command's thread only.
 */
final class ProgressPrinter implements MigrationListener {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean quiet;

    ProgressPrinter(PrintWriter out, PrintWriter err, boolean quiet) {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public void stepStarted(String target, Step step, int statements) {
        if (!quiet) {
            out.println("Running " + describe(step));
            out.flush();
        }
    }

    @Override
    public void warning(String target, String message) {
        err.println("warning: " + message);
        err.flush();
    }

    /**
     * The last line of a run: {@code Upgraded <base> -> c3d9e5f1a084 (3 steps, 41 ms).}, or {@code Nothing to
     * do: at c3d9e5f1a084.} when the run found nothing to do.
     */
    void summary(String verb, RunResult result) {
        out.println(summaryText(verb, result));
        out.flush();
    }

    /** The summary line's text, without a line break. */
    static String summaryText(String verb, RunResult result) {
        if (result.isNoOp()) {
            return "Nothing to do: at " + revisions(result.after()) + ".";
        }
        if (result.steps().isEmpty()) {
            return verb + " " + revisions(result.before()) + " -> " + revisions(result.after()) + ".";
        }
        Duration took = result.steps().stream().map(StepResult::duration).reduce(Duration.ZERO, Duration::plus);
        int steps = result.steps().size();
        return verb + " " + revisions(result.before()) + " -> " + revisions(result.after()) + " (" + steps
                + (steps == 1 ? " step, " : " steps, ") + took.toMillis() + " ms).";
    }

    /** The last line of {@code repair}: what was done and where the database is now. */
    void repaired(String action, RunResult result) {
        out.println("Repaired (" + action + "): " + moved(result) + ".");
        out.flush();
    }

    /** A tenant's repair: the same line, naming the tenant ({@code tenant 'acme'}). */
    void repaired(String target, String action, RunResult result) {
        out.println("Repaired " + target + " (" + action + "): " + moved(result) + ".");
        out.flush();
    }

    private static String moved(RunResult result) {
        return result.before().equals(result.after()) ? "at " + revisions(result.after())
                : revisions(result.before()) + " -> " + revisions(result.after());
    }

    /** Revision ids as Alembic lists them, {@code <base>} for none. */
    static String revisions(List<String> ids) {
        return ids.isEmpty() ? "<base>" : String.join(", ", ids);
    }

    /**
     * Alembic's words for a step: {@code upgrade <down> -> <rev>, <doc>} or {@code downgrade <rev> -> <down>,
     * <doc>}, an empty side for the base.
     */
    static String describe(Step step) {
        Revision revision = step.revision();
        String down = String.join(", ", revision.downRevisions());
        String doc = revision.message().split("\n\\s*\n", 2)[0].strip();
        return step.direction() == Direction.UP
                ? "upgrade " + down + " -> " + revision.id() + ", " + doc
                : "downgrade " + revision.id() + " -> " + down + ", " + doc;
    }
}
