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
import java.util.LinkedHashMap;
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

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine(systemEnvironment(), args).execute(args));
    }

    /**
     * The real environment: the process's variables, its working directory, the system clock,
     * SecureRandom, {@code user@host} from the JVM's user name and the local host name, and whether the
     * output is a terminal ({@link #onTerminal()}).
     */
    public static CliEnvironment systemEnvironment() {
        return new CliEnvironment(System.getenv(), Path.of("").toAbsolutePath(), Clock.systemDefaultZone(),
                new SecureRandom(), System.getProperty("user.name") + "@" + hostName(), onTerminal());
    }

    /**
     * Up to Java 21 the JVM has a console only when stdin and stdout are both terminals. From Java 22 it may
     * have one with its streams redirected (a console provider that is not the JDK's own, JLine, is the
     * default on 22 to 24), and {@code Console.isTerminal()}, called by name so that this builds for 17,
     * tells.
     */
    private static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
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
        return tree(env, subcommands(env), name -> true);
    }

    /**
     * The tree for {@code args} alone: with only the subcommands that some argument names, when one does.
     * picocli builds each command's model by reflection over its annotations: 143–177 ms for the whole
     * tree in a fresh JVM against 83–114 ms with one subcommand (its classes are too old for the class-data
     * archive), and a command runs one subcommand. An option's value that happens to be a subcommand's name
     * only adds that subcommand. Without a named subcommand (help, a typo) the tree is whole, and so is it
     * for an error at the top level, whose usage lists every subcommand.
     */
    public static CommandLine commandLine(CliEnvironment env, String[] args) {
        Set<String> named = new HashSet<>(Arrays.asList(args)); // an option may be given twice
        Map<String, Supplier<Object>> subcommands = subcommands(env);
        if (subcommands.keySet().stream().noneMatch(named::contains)) {
            return tree(env, subcommands, name -> true);
        }
        CommandLine cli = tree(env, subcommands, named::contains);
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

    /** Each subcommand by name, made only when asked, in the order help lists them. */
    private static Map<String, Supplier<Object>> subcommands(CliEnvironment env) {
        RevisionPlanner planner = new RevisionPlanner(env.clock(), env.random());
        Map<String, Supplier<Object>> made = new LinkedHashMap<>();
        made.put("init", () -> new InitCommand(env));
        made.put("revision", () -> new RevisionCommand(planner));
        made.put("merge", () -> new MergeCommand(planner));
        made.put("heads", HeadsCommand::new);
        made.put("branches", BranchesCommand::new);
        made.put("history", HistoryCommand::new);
        made.put("show", ShowCommand::new);
        made.put("check", CheckCommand::new);
        made.put("current", CurrentCommand::new);
        made.put("upgrade", UpgradeCommand::new);
        made.put("downgrade", DowngradeCommand::new);
        made.put("stamp", StampCommand::new);
        made.put("repair", RepairCommand::new);
        made.put("tenants", TenantsCommand::new);
        made.put("provision", ProvisionCommand::new);
        made.put("status", () -> new StatusCommand(env.clock()));
        return made;
    }

    private static CommandLine tree(CliEnvironment env, Map<String, Supplier<Object>> subcommands,
                                    Predicate<String> wanted) {
        CommandLine cli = new CommandLine(new FlotillaCommand(env));
        subcommands.forEach((name, made) -> {
            if (wanted.test(name)) {
                cli.addSubcommand(made.get());
            }
        });
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
