package dev.flotilla.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Entry point of the {@code flotilla} command line. {@link #commandLine} builds the command tree for
 * a given {@link CliEnvironment}; {@link #main} runs it with the real process environment and exits
 * with its code. This is the only class that reads the process environment.
 */
public final class Main {

    /** The subcommands' names, in the order help lists them. */
    private static final List<String> SUBCOMMANDS = List.of("init", "revision", "merge", "heads", "branches",
            "history", "show", "check", "current", "upgrade", "downgrade", "stamp", "repair", "tenants",
            "provision", "status");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine(systemEnvironment(), args).execute(args));
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
        return tree(env, name -> true);
    }

    /**
     * The tree for {@code args} alone: with only the subcommands that some argument names, when one does.
     * picocli builds each command's model by reflection over its annotations: 143–177 ms for the whole
     * tree in a fresh JVM against 83–114 ms with one subcommand (its classes are too old for the class-data
     * archive), and a command runs one subcommand. An option's value that happens to be a subcommand's name only adds that subcommand.
     * Without a named subcommand (help, a typo) the tree is whole, and so is it for an error at the top
     * level, whose usage lists every subcommand.
     */
    public static CommandLine commandLine(CliEnvironment env, String[] args) {
        Set<String> named = new HashSet<>(Arrays.asList(args)); // an option may be given twice
        if (SUBCOMMANDS.stream().noneMatch(named::contains)) {
            return commandLine(env);
        }
        CommandLine cli = tree(env, named::contains);
        IParameterExceptionHandler inSubcommand = cli.getParameterExceptionHandler();
        cli.setParameterExceptionHandler((e, given) -> {
            if (e.getCommandLine() != cli) {
                return inSubcommand.handleParseException(e, given);
            }
            CommandLine whole = commandLine(env);
            whole.setOut(cli.getOut());
            whole.setErr(cli.getErr());
            return whole.execute(given);
        });
        return cli;
    }

    private static CommandLine tree(CliEnvironment env, Predicate<String> wanted) {
        RevisionPlanner planner = new RevisionPlanner(env.clock(), env.random());
        Map<String, Supplier<Object>> made = Map.ofEntries(
                Map.entry("init", () -> new InitCommand(env)),
                Map.entry("revision", () -> new RevisionCommand(planner)),
                Map.entry("merge", () -> new MergeCommand(planner)),
                Map.entry("heads", HeadsCommand::new),
                Map.entry("branches", BranchesCommand::new),
                Map.entry("history", HistoryCommand::new),
                Map.entry("show", ShowCommand::new),
                Map.entry("check", CheckCommand::new),
                Map.entry("current", CurrentCommand::new),
                Map.entry("upgrade", UpgradeCommand::new),
                Map.entry("downgrade", DowngradeCommand::new),
                Map.entry("stamp", StampCommand::new),
                Map.entry("repair", RepairCommand::new),
                Map.entry("tenants", TenantsCommand::new),
                Map.entry("provision", ProvisionCommand::new),
                Map.entry("status", () -> new StatusCommand(env.clock())));
        CommandLine cli = new CommandLine(new FlotillaCommand(env));
        for (String name : SUBCOMMANDS) {
            if (wanted.test(name)) {
                cli.addSubcommand(made.get(name).get());
            }
        }
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
