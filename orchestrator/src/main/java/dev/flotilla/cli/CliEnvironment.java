package dev.flotilla.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What the command line takes from the process it runs in: environment variables, the working
 * directory, the time, a source of random ids, the name of the person running it and whether its output
 * is a terminal. {@link Main} builds the real one; tests pass their own. Immutable; the random generator is
 * the only part with state.
 *
 * @param variables        environment variables (e.g. {@code FLOTILLA_CONFIG}); never null
 * @param workingDirectory absolute folder that relative paths on the command line are resolved against
 * @param clock            the time new revisions are stamped with
 * @param random           source of generated revision ids and run ids
 * @param user             who runs the command, recorded in history tables ({@code user@host})
 * @param terminal         whether stdout is a terminal, where a fleet run redraws one progress line instead of
 *                         printing a line per tenant
 */
public record CliEnvironment(
        Map<String, String> variables,
        Path workingDirectory,
        Clock clock,
        RandomGenerator random,
        String user,
        boolean terminal) {

    /**
     * An environment whose user is {@code $USER} (else {@code $USERNAME}, else {@code unknown}) and whose
     * output is not a terminal.
     */
    public CliEnvironment(Map<String, String> variables, Path workingDirectory, Clock clock, RandomGenerator random) {
        this(variables, workingDirectory, clock, random, Optional.ofNullable(variables.get("USER"))
                .or(() -> Optional.ofNullable(variables.get("USERNAME"))).orElse("unknown"), false);
    }

    public CliEnvironment {
        variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        if (!workingDirectory.isAbsolute()) {
            throw new IllegalArgumentException("workingDirectory must be absolute, got " + workingDirectory);
        }
        workingDirectory = workingDirectory.normalize();
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(user, "user");
    }

    /** This environment with its output a terminal or not. */
    public CliEnvironment withTerminal(boolean terminal) {
        return new CliEnvironment(variables, workingDirectory, clock, random, user, terminal);
    }

    /** An environment variable, empty when unset or blank. */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
    }
}
