package dev.flotilla.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Entry point of the {@code flotilla} command line. {@link #commandLine} builds the command tree for
 * a given {@link CliEnvironment}; {@link #main} runs it with the real process environment and exits
 * with its code. This is the only class that reads the process environment.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine(systemEnvironment()).execute(args));
    }

    /**
     * The real environment: the process's variables, its working directory, the system clock,
     * SecureRandom, and {@code user@host} from the JVM's user name and the local host name.
     */
    public static CliEnvironment systemEnvironment() {
        return new CliEnvironment(System.getenv(), Path.of("").toAbsolutePath(),
                Clock.systemDefaultZone(), new SecureRandom(), System.getProperty("user.name") + "@" + hostName());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    /**
     * A fresh command tree (one per execution: picocli keeps parsed values in the command objects).
     * Set its out/err writers to capture output; {@code execute(args)} returns the exit code.
     */
    public static CommandLine commandLine(CliEnvironment env) {
        RevisionPlanner planner = new RevisionPlanner(env.clock(), env.random());
        CommandLine cli = new CommandLine(new FlotillaCommand(env))
                .addSubcommand(new InitCommand(env))
                .addSubcommand(new RevisionCommand(planner))
                .addSubcommand(new MergeCommand(planner))
                .addSubcommand(new HeadsCommand())
                .addSubcommand(new BranchesCommand())
                .addSubcommand(new HistoryCommand())
                .addSubcommand(new ShowCommand())
                .addSubcommand(new CheckCommand())
                .addSubcommand(new CurrentCommand())
                .addSubcommand(new UpgradeCommand())
                .addSubcommand(new DowngradeCommand())
                .addSubcommand(new StampCommand())
                .addSubcommand(new RepairCommand())
                .addSubcommand(new TenantsCommand())
                .addSubcommand(new ProvisionCommand())
                .addSubcommand(new StatusCommand(env.clock()));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExitCodeExceptionMapper(new ExitCodes());
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setExecutionStrategy(Main::execute);
        return cli;
    }

    private static int execute(ParseResult parseResult) {
        FlotillaCommand root = parseResult.commandSpec().commandLine().getCommand();
        if (root.quiet() && root.verbose()) {
            throw new ParameterException(parseResult.commandSpec().commandLine(),
                    "Error: -q/--quiet and -v/--verbose exclude each other");
        }
        return new RunLast().execute(parseResult);
    }
}
