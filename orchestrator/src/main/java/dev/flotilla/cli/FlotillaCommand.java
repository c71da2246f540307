package dev.flotilla.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;

/**
 * The root {@code flotilla} command: holds the global options, finds the project and wires
 * single-database mode for its subcommands. Lives for one execution.
 */
@Command(name = "flotilla", scope = ScopeType.INHERIT, usageHelpAutoWidth = true,
        description = "Multi-tenant database migrations with Alembic's revision model.",
        synopsisSubcommandLabel = "COMMAND",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:a migration failed (with tenants: at least one tenant failed), the database is dirty or locked, or a check"
                        + " found a problem",
                "2:invalid input: usage, config, registry, tenant selection, scripts, target (nothing was changed)",
                "130:interrupted"})
final class FlotillaCommand {

    @Mixin
    GlobalOptions options;

    @Mixin
    DatabaseOptions database;

    private final CliEnvironment env;
    private final ProjectLocator locator;

    FlotillaCommand(CliEnvironment env) {
        this.env = env;
        this.locator = new ProjectLocator(env);
    }

    /** The project the global options, the environment and the working directory point at. */
    Project project() {
        return locator.locate(options);
    }

    /** Single-database mode as the options say; the project is located only when it is needed. */
    SingleDatabase singleDatabase() {
        return new SingleDatabase(database, env, this::project);
    }

    /** Prints a run's steps and warnings to the command's out and err. */
    ProgressPrinter printer(CommandSpec spec) {
        return new ProgressPrinter(spec.commandLine().getOut(), spec.commandLine().getErr(), quiet());
    }

    /**
     * Whether a runner command works on tenants rather than one database: when a tenant selection is given,
     * or when neither {@code --url} nor {@code $DATABASE_URL} names a database and there is a config.
     * {@code --url} with a selection is an error.
     */
    boolean tenantMode(TenantOptions tenants, SingleDatabase single) {
        if (database.url != null) {
            if (tenants.given()) {
                throw new InputException("--url names one database; the tenant selection options (--tenant, --tag,"
                        + " --all, --exclude, --shard, --state) do not apply to it");
            }
            return false;
        }
        if (tenants.given()) {
            return true;
        }
        return env.variable(SingleDatabase.URL_VARIABLE).isEmpty() && single.project().config().isPresent();
    }

    /** The project's tenants, for a command in tenant mode; the caller closes it. */
    Fleet fleet(SingleDatabase single, String command) {
        return Fleet.open(single, env, command);
    }

    /** A fleet run's tenants, every history row carrying {@code runId}. */
    Fleet fleetRun(SingleDatabase single, String command, String runId) {
        return Fleet.open(single, env, command, () -> runId);
    }

    CliEnvironment environment() {
        return env;
    }

    /** Whether stdout is a terminal, where a fleet run redraws one progress line instead of a line per tenant. */
    boolean terminal() {
        return env.terminal();
    }

    java.nio.file.Path workingDirectory() {
        return env.workingDirectory();
    }

    boolean verbose() {
        return options.verbose;
    }

    boolean quiet() {
        return options.quiet;
    }
}
