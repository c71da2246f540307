package dev.flotilla.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ScopeType;

/**
 * The root {@code flotilla} command: holds the global options and finds the project for its
 * subcommands. Lives for one execution.
 */
@Command(name = "flotilla", scope = ScopeType.INHERIT, usageHelpAutoWidth = true,
        description = "Multi-tenant database migrations with Alembic's revision model.",
        synopsisSubcommandLabel = "COMMAND")
final class FlotillaCommand {

    @Mixin
    GlobalOptions options;

    private final ProjectLocator locator;

    FlotillaCommand(CliEnvironment env) {
        this.locator = new ProjectLocator(env);
    }

    /** The project the global options, the environment and the working directory point at. */
    Project project() {
        return locator.locate(options);
    }

    boolean verbose() {
        return options.verbose;
    }

    boolean quiet() {
        return options.quiet;
    }
}
