package dev.flotilla.cli;

import dev.flotilla.engine.migrate.ChecksumChange;
import dev.flotilla.engine.migrate.MigrationListener;
import dev.flotilla.engine.revision.RevisionGraph;
import dev.flotilla.engine.script.Problem;
import dev.flotilla.engine.script.FormatOptions;
import dev.flotilla.engine.script.MigrationSets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code flotilla check}: every problem in the scripts and their graph, each as {@code file:line: message}. */
@Command(name = "check", description = {"Validate the revision graph and every script; exit 1 on any problem.",
        "With --url (or $DATABASE_URL), also report every revision applied there whose file has changed since."})
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    FlotillaCommand flotilla;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Project project = flotilla.project();
        PrintWriter out = spec.commandLine().getOut();
        List<Problem> problems = MigrationSets.check(project.scriptsDir(), FormatOptions.detect());
        if (!problems.isEmpty()) {
            problems.forEach(out::println);
            return ExitCodes.FAILED;
        }
        RevisionGraph graph = project.migrations().graph();
        int count = graph.revisions().size();
        SingleDatabase single = flotilla.singleDatabase();
        Optional<TargetDatabase> database = single.target();
        if (database.isPresent()) {
            List<ChecksumChange> changes = database.get().with(false, connection -> single
                    .migrator(MigrationListener.NONE).checksumChanges(connection, database.get().schema()));
            for (ChecksumChange change : changes) {
                out.println(database.get().describe() + ": revision " + change.describe()
                        + " (changed since it was applied)");
            }
            if (!changes.isEmpty()) {
                return ExitCodes.FAILED;
            }
        }
        out.println("No problems found: " + count + (count == 1 ? " revision" : " revisions") + ", heads: "
                + (graph.heads().isEmpty() ? "(none)" : String.join(", ", graph.heads()))
                + database.map(d -> "; no applied revision changed in " + d.describe()).orElse(""));
        return ExitCodes.OK;
    }
}
