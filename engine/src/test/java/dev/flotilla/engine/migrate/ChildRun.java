package dev.flotilla.engine.migrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * An {@link UpgradeChild} process: started on a target, waited for (every wait bounded), killed with
 * SIGKILL ({@link Process#destroyForcibly()} on Unix). Its output goes to a file, shown when a wait fails.
 * Closing kills it if it still runs.
 */
final class ChildRun implements AutoCloseable {

    /** The longest any wait for a child may take before the test fails. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    /** A condition polled until it holds. */
    interface Check {
        boolean holds() throws Exception;
    }

    private final Process process;
    private final Path log;

    private ChildRun(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ChildRun start(String jdbcUrl, String user, String password, Path versions, Path log) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), UpgradeChild.class.getName(), jdbcUrl, user,
                versions.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put(UpgradeChild.PASSWORD, password);
        try {
            return new ChildRun(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code check} every 50 ms until it holds; fails after {@link #PATIENCE} or if the child ends. */
    void awaitWhileAlive(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!check.holds()) {
            if (!process.isAlive()) {
                fail("the child ended (exit " + process.exitValue() + ") before " + what + "; its output:\n"
                        + output());
            }
            if (System.nanoTime() > deadline) {
                fail("no " + what + " within " + PATIENCE.toSeconds() + " s; the child's output:\n" + output());
            }
            Thread.sleep(50);
        }
    }

    /** Polls {@code check} until it holds, for at most {@link #PATIENCE}. */
    static void await(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                fail("no " + what + " within " + PATIENCE.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }

    /** SIGKILL, then waits for the process to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the killed child ended").isTrue();
    }

    /** Waits for the child to end by itself and returns its exit code. */
    int awaitExit() throws InterruptedException {
        assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .as("the child ended within %d s; its output:%n%s", PATIENCE.toSeconds(), output()).isTrue();
        return process.exitValue();
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
