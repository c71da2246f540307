package dev.flotilla.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@code flotilla.yaml} that cannot be used. The root of every exception this module throws on
 * purpose: it carries every problem found, in file order, each with file, line, column and key, and
 * the exit code the command line maps it to. Its message never holds a secret's value.
 */
public class ConfigException extends RuntimeException {

    /** Exit code for invalid input (nothing was changed), as CLI.md defines it. */
    public static final int INVALID_INPUT = 2;

    private final List<ConfigProblem> problems;

    /** @param problems at least one */
    public ConfigException(List<ConfigProblem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order of the file (those without a line first). */
    public List<ConfigProblem> problems() {
        return problems;
    }

    /** The process exit code the command line uses when this exception ends a command: 2. */
    public int exitCode() {
        return INVALID_INPUT;
    }

    private static String render(List<ConfigProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        return problems.size() + " problems in " + problems.get(0).file() + ":\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
