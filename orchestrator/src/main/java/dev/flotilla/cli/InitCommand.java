package dev.flotilla.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code flotilla init [DIR]}: scaffold a new project. */
@Command(name = "init", description = "Scaffold a new project: flotilla.yaml, migrations/, tenants.yaml.")
final class InitCommand implements Callable<Integer> {

    @ParentCommand
    FlotillaCommand flotilla;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "The project folder (default: the current folder).")
    Path directory;

    private final CliEnvironment env;

    InitCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (flotilla.options.config != null || flotilla.options.scripts != null) {
            throw new InputException("init writes DIR/flotilla.yaml and DIR/migrations;"
                    + " --config and --scripts do not apply to it");
        }
        Path root = env.workingDirectory().resolve(directory == null ? Path.of(".") : directory).normalize();
        ProjectScaffold scaffold = new ProjectScaffold(root);
        PrintWriter out = spec.commandLine().getOut();
        scaffold.create(line -> {
            if (!flotilla.quiet()) {
                out.println(line);
            }
        });
        if (!flotilla.quiet()) {
            out.println("  Please edit the servers in " + scaffold.configFile() + " and the tenants in "
                    + scaffold.tenantsFile() + ", then create a first revision: flotilla revision -m \"create tables\"");
        }
        return ExitCodes.OK;
    }
}
