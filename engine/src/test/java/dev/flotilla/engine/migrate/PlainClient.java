package dev.flotilla.engine.migrate;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** A database's own command-line client ({@code psql}, {@code mariadb}, {@code sqlite3}) fed a script on stdin. */
record PlainClient(List<String> command, Map<String, String> environment) {

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

    /** Runs {@code script}; skips the test when the client is not installed, fails on any error it reports. */
    String run(String script, Path scratch) throws IOException, InterruptedException {
        assumeThat(onPath(command.get(0))).as(command.get(0) + " on the PATH").isTrue();
        Path output = Files.createTempFile(scratch, "client", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(ChildRun.PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("%s ended", command).isTrue();
        String text = Files.readString(output);
        assertThat(process.exitValue()).as("%s exit code; its output:%n%s%nthe script:%n%s", command.get(0), text,
                script).isZero();
        return text;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
