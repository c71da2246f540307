package dev.flotilla.cli;

import dev.flotilla.engine.script.NewRevision;
import dev.flotilla.engine.script.ScriptDirectory;
import dev.flotilla.engine.script.ScriptWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code flotilla merge}: write a revision whose parents are the given revisions, and print its path. */
@Command(name = "merge", description = "Merge two revisions together; creates a new revision file.")
final class MergeCommand implements Callable<Integer> {

    @ParentCommand
    FlotillaCommand flotilla;

    @Spec
    CommandSpec spec;

    @Option(names = {"-m", "--message"}, paramLabel = "MSG", description = "Message of the revision.")
    String message;

    @Option(names = "--rev-id", paramLabel = "ID", description = "The revision id to use instead of a generated one.")
    String revId;

    @Option(names = "--branch-label", paramLabel = "LABEL", description = "A branch label for the new revision.")
    String branchLabel;

    @Parameters(arity = "1..*", paramLabel = "REV", description = "Revisions to merge; `heads` for all heads.")
    List<String> revisions;

    private final RevisionPlanner planner;

    MergeCommand(RevisionPlanner planner) {
        this.planner = planner;
    }

    @Override
    public Integer call() {
        Project project = flotilla.project();
        ScriptDirectory scripts = project.load();
        List<String> labels = branchLabel == null ? List.of() : List.of(branchLabel);
        RevisionRequest request = new RevisionRequest(revId, message, revisions, false, labels, List.of());
        NewRevision revision = planner.plan(scripts.graph(), request);
        Path written = ScriptWriter.write(project.versionsDir(), revision);
        spec.commandLine().getOut().println(written);
        return ExitCodes.OK;
    }
}
