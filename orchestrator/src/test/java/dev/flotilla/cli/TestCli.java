package dev.flotilla.cli;

import picocli.CommandLine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Runs {@code flotilla} in-process the way a person would from a folder: a fixed clock, a seeded
 * random id source, environment variables the test sets, stdout/stderr captured and, unless
 * {@link #terminal()} says otherwise, not a terminal.
 */
final class TestCli {

    static final Instant NOW = Instant.parse("2024-05-01T10:11:12.345678Z");
    static final String CREATE_DATE = "2024-05-01 10:11:12.345678";

    record Result(int exitCode, String out, String err) {
    }

    private final Path workingDirectory;
    private final Map<String, String> variables = new HashMap<>();
    private final Random random = new Random(42);
    private boolean terminal;

    TestCli(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    TestCli env(String name, String value) {
        variables.put(name, value);
        return this;
    }

    /** Runs the commands after this as with stdout on a terminal. */
    TestCli terminal() {
        terminal = true;
        return this;
    }

    Result run(String... args) {
        CliEnvironment env = new CliEnvironment(variables, workingDirectory, Clock.fixed(NOW, ZoneOffset.UTC), random)
                .withTerminal(terminal);
        CommandLine cli = Main.commandLine(env, args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // As picocli's own writers on System.out/err: buffered, flushed by println only, so output a command
        // prints without flushing is missing here as it would be from the real process.
        cli.setOut(new PrintWriter(new BufferedWriter(out), true));
        cli.setErr(new PrintWriter(new BufferedWriter(err), true));
        int exitCode = cli.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    /** The output of a fleet run that succeeds, without the summary that follows its tenants' lines. */
    String tenantLines(String... args) {
        return beforeSummary(ok(args));
    }

    /** A fleet run's output up to the blank line that starts its summary. */
    static String beforeSummary(String out) {
        int blank = out.indexOf("\n\n");
        return blank < 0 ? out : out.substring(0, blank + 1);
    }

    /** Runs a command that must succeed, and returns its stdout. */
    String ok(String... args) {
        Result result = run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("flotilla " + String.join(" ", args) + " exited " + result.exitCode()
                    + "\nstdout: " + result.out() + "\nstderr: " + result.err());
        }
        return result.out();
    }

    Path versions() {
        return workingDirectory.resolve("migrations/versions");
    }

    /** The names of the revision files in the versions folder, sorted. */
    List<String> revisionFiles() {
        try (Stream<Path> files = Files.list(versions())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
