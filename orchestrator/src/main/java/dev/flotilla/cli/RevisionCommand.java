package dev.flotilla.cli;

import dev.flotilla.engine.script.NewRevision;
import dev.flotilla.engine.script.ScriptDirectory;
import dev.flotilla.engine.script.ScriptWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code flotilla revision}: write a new, empty revision file and print its path. */
@Command(name = "revision", description = "Create a new revision file.")
final class RevisionCommand implements Callable<Integer> {

    @ParentCommand
    FlotillaCommand flotilla;

    @Spec
    CommandSpec spec;

    @Option(names = {"-m", "--message"}, paramLabel = "MSG", description = "Message of the revision.")
    String message;

    @Option(names = "--rev-id", paramLabel = "ID", description = "The revision id to use instead of a generated one.")
    String revId;

    @Option(names = "--head", paramLabel = "REV", defaultValue = "head",
            description = "The revision to base the new one on (default: ${DEFAULT-VALUE}).")
    String head;

    @Option(names = "--splice", description = "Allow a --head that is not a head: start a new branch from it.")
    boolean splice;

    @Option(names = "--branch-label", paramLabel = "LABEL", description = "A branch label for the new revision.")
    List<String> branchLabels = new ArrayList<>();

    @Option(names = "--depends-on", paramLabel = "REV", description = "A revision or branch label the new one depends on.")
    List<String> dependsOn = new ArrayList<>();

    private final RevisionPlanner planner;

    RevisionCommand(RevisionPlanner planner) {
        this.planner = planner;
    }

    @Override
    public Integer call() {
        Project project = flotilla.project();
        ScriptDirectory scripts = project.load();
        RevisionRequest request = new RevisionRequest(revId, message, List.of(head), splice, branchLabels, dependsOn);
        NewRevision revision = planner.plan(scripts.graph(), request);
        Path written = ScriptWriter.write(project.versionsDir(), revision);
        spec.commandLine().getOut().println(written);
        return ExitCodes.OK;
    }
}
