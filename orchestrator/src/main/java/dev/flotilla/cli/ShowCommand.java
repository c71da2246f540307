package dev.flotilla.cli;

import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.script.MigrationSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code flotilla show REV}: the full entry of each revision an identifier names. */
@Command(name = "show", description = "Show the revision(s) denoted by the given symbol.")
final class ShowCommand implements Callable<Integer> {

    @ParentCommand
    FlotillaCommand flotilla;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REV", description = "A revision id or prefix, head, heads, LABEL@head, ...")
    String rev;

    @Override
    public Integer call() {
        if ("current".equals(rev)) {
            throw new InputException("show current needs a database; that comes with the runner");
        }
        MigrationSet scripts = flotilla.project().migrations();
        RevisionFormat format = RevisionFormat.of(scripts);
        PrintWriter out = spec.commandLine().getOut();
        for (Revision revision : scripts.graph().revisions(rev)) {
            out.println(format.logEntry(revision));
        }
        return ExitCodes.OK;
    }
}
