package dev.flotilla.cli;

import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.revision.RevisionGraph;
import dev.flotilla.engine.script.MigrationSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code flotilla heads}: the revisions nothing follows, as Alembic lists them. */
@Command(name = "heads", description = "Show current available heads in the script directory.")
final class HeadsCommand implements Callable<Integer> {

    @ParentCommand
    FlotillaCommand flotilla;

    @Spec
    CommandSpec spec;

    @Option(names = "--resolve-dependencies", description = "Treat dependency versions as down revisions.")
    boolean resolveDependencies;

    @Override
    public Integer call() {
        MigrationSet scripts = flotilla.project().migrations();
        RevisionGraph graph = scripts.graph();
        RevisionFormat format = RevisionFormat.of(scripts);
        List<String> heads = resolveDependencies ? graph.resolvedHeads() : graph.heads();
        PrintWriter out = spec.commandLine().getOut();
        for (String id : heads) {
            Revision head = graph.find(id).orElseThrow();
            out.println(flotilla.verbose() ? format.logEntry(head) : format.headLine(head));
        }
        return ExitCodes.OK;
    }
}
