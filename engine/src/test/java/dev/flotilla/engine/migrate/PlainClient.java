package dev.flotilla.engine.migrate;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** A database's own command-line client ({@code psql}, {@code mariadb}, {@code sqlite3}) fed a script on stdin. */
record PlainClient(List<String> command, Map<String, String> environment) {

    /** How long {@link #attempt} waits: a whole corpus set on a busy machine (kratos on MariaDB took 28 s). */
    private static final Duration WHOLE_SET = Duration.ofMinutes(5);

    /** {@code psql} on the database of a {@code jdbc:postgresql://host:port/db} URL; stops at the first error. */
    static PlainClient psql(String jdbcUrl, String user, String password) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return new PlainClient(List.of("psql", "-v", "ON_ERROR_STOP=1", "-X", "-q", "-h", uri.getHost(), "-p",
                String.valueOf(uri.getPort()), "-U", user, "-d", uri.getPath().substring(1)),
                Map.of("PGPASSWORD", password));
    }

    /** {@code mariadb} in batch mode on the database of a {@code jdbc:mysql://host:port/db} URL. */
    static PlainClient mariadb(String jdbcUrl, String user, String password) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return new PlainClient(List.of("mariadb", "-u" + user, "-h" + uri.getHost(), "-P" + uri.getPort(),
                uri.getPath().substring(1)), Map.of("MYSQL_PWD", password));
    }

    /** {@code sqlite3 -bail} on a file. */
    static PlainClient sqlite3(Path file) {
        return new PlainClient(List.of("sqlite3", "-bail", file.toString()), Map.of());
    }

    /** What a client run ended with: its exit code, and its standard output and error read apart. */
    record Outcome(int exitCode, String out, String err) {
    }

    /** The same client with {@code options} put right after the program name. */
    PlainClient withOptions(String... options) {
        List<String> longer = new java.util.ArrayList<>(command.subList(0, 1));
        longer.addAll(List.of(options));
        longer.addAll(command.subList(1, command.size()));
        return new PlainClient(List.copyOf(longer), environment);
    }

    /** Runs {@code script}; skips the test when the client is not installed, fails on any error it reports. */
    String run(String script, Path scratch) throws IOException, InterruptedException {
        assumeThat(onPath(command.get(0))).as(command.get(0) + " on the PATH").isTrue();
        Path output = Files.createTempFile(scratch, "client", ".out");
        Process process = start(script, new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()), ChildRun.PATIENCE);
        String text = Files.readString(output);
        assertThat(process.exitValue()).as("%s exit code; its output:%n%s%nthe script:%n%s", command.get(0), text,
                script).isZero();
        return text;
    }

    /**
     * Runs {@code script} and returns how it ended, errors included. A client that is not installed skips
     * the test, or fails it when {@code FLOTILLA_TEST_REQUIRE_DATABASES=true} (as a missing server does).
     */
    Outcome attempt(String script, Path scratch) throws IOException, InterruptedException {
        boolean installed = onPath(command.get(0));
        if ("true".equals(System.getenv("FLOTILLA_TEST_REQUIRE_DATABASES"))) {
            assertThat(installed).as(command.get(0) + " on the PATH (FLOTILLA_TEST_REQUIRE_DATABASES=true)").isTrue();
        }
        assumeThat(installed).as(command.get(0) + " on the PATH").isTrue();
        Path out = Files.createTempFile(scratch, "client", ".out");
        Path err = Files.createTempFile(scratch, "client", ".err");
        Process process = start(script, new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(err.toFile()), WHOLE_SET);
        return new Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Process start(String script, ProcessBuilder builder, Duration patience)
            throws IOException, InterruptedException {
        builder.environment().putAll(environment);
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        } catch (IOException closed) {
            // A client that stops at an error stops reading too; its exit code and output say why.
            assertThat(process.waitFor(patience.toSeconds(), TimeUnit.SECONDS))
                    .as("%s ended after closing its input: %s", command, closed).isTrue();
        }
        if (!process.waitFor(patience.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            assertThat(false).as("%s ended within %d s", command, patience.toSeconds()).isTrue();
        }
        return process;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
