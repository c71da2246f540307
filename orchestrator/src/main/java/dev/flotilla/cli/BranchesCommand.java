package dev.flotilla.cli;

import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.script.MigrationSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code flotilla branches}: every branch point and the revisions it branches into. */
@Command(name = "branches", description = "Show current branch points.")
final class BranchesCommand implements Callable<Integer> {

    @ParentCommand
    FlotillaCommand flotilla;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        MigrationSet scripts = flotilla.project().migrations();
        RevisionFormat format = RevisionFormat.of(scripts);
        PrintWriter out = spec.commandLine().getOut();
        for (Revision revision : scripts.graph().walk(null, null)) {
            if (scripts.graph().isBranchPoint(revision.id())) {
                out.println(format.branchBlock(revision, flotilla.verbose()));
            }
        }
        return ExitCodes.OK;
    }
}
