package dev.flotilla.cli;

import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.revision.RevisionRange;
import dev.flotilla.engine.script.ScriptDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code flotilla history}: revisions newest first, as Alembic lists them. */
@Command(name = "history", description = "List changeset scripts in chronological order (newest first).")
final class HistoryCommand implements Callable<Integer> {

    @ParentCommand
    FlotillaCommand flotilla;

    @Spec
    CommandSpec spec;

    @Option(names = {"-r", "--rev-range"}, paramLabel = "RANGE",
            description = "Range of revisions: [start]:[end], [start]: or :[end].")
    String range;

    @Override
    public Integer call() {
        RevisionRange bounds = range == null ? new RevisionRange(null, null) : RevisionRange.parse(range);
        if ("current".equals(bounds.from()) || "current".equals(bounds.to())) {
            throw new InputException("history -r with `current` needs a database (--url);"
                    + " give revisions instead, e.g. -r base:heads");
        }
        ScriptDirectory scripts = flotilla.project().load();
        RevisionFormat format = RevisionFormat.of(scripts);
        PrintWriter out = spec.commandLine().getOut();
        for (Revision revision : scripts.graph().walk(bounds.from(), bounds.to())) {
            out.println(flotilla.verbose() ? format.logEntry(revision) : format.historyLine(revision));
        }
        return ExitCodes.OK;
    }
}
