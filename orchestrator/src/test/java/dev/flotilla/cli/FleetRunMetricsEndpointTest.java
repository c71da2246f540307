package dev.flotilla.cli;

import dev.flotilla.FleetProject;
import dev.flotilla.cli.TestCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code upgrade --all --metrics-port P} serves the run's metrics while it goes: scraped while one tenant
 * waits for a lock another connection holds, the endpoint shows it in flight and the others done; it
 * closes when the run ends.
 */
class FleetRunMetricsEndpointTest {

    private static final String TENANTS = """
            tenants:
              - {id: t1, server: files}
              - {id: t2, server: files}
              - {id: t3, server: files}
            """;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void theEndpointShowsTheRunWhileItGoesAndClosesAtItsEnd() throws Exception {
        FleetProject.create(dir, FleetProject.CONFIG, TENANTS);
        Files.createDirectories(dir.resolve("data"));
        int port = freePort();
        TestCli cli = new TestCli(dir).env("USER", "tester");
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/t2.db"))) {
            try (Statement statement = holder.createStatement()) {
                statement.execute("BEGIN IMMEDIATE"); // t2's run waits for this writer (lock_wait, 30 s)
            }
            CompletableFuture<Result> run = CompletableFuture.supplyAsync(() ->
                    cli.run("upgrade", "--all", "-q", "--concurrency", "3", "--metrics-port", String.valueOf(port)));

            String scraped = scrapeUntil(port, "flotilla_tenants_total{outcome=\"migrated\"} 2.0", run);

            assertThat(scraped).contains("flotilla_tenants_in_flight 1.0", "flotilla_run_tenants 3.0",
                    "flotilla_circuit_state{server=\"files\"} 0.0");
            try (Statement statement = holder.createStatement()) {
                statement.execute("COMMIT");
            }
            Result result = run.get(60, TimeUnit.SECONDS);
            assertThat(result.exitCode()).as(result.err()).isZero();
        }
        assertThatThrownBy(() -> get(port)).isInstanceOf(IOException.class);
    }

    /** Scrapes until the body holds {@code sample} (the run may not serve yet), at most 20 s. */
    private String scrapeUntil(int port, String sample, CompletableFuture<Result> run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String last = "";
        while (System.nanoTime() < deadline) {
            assertThat(run).as("the run ended before it was scraped: %s", run.getNow(null)).isNotDone();
            try {
                last = get(port).body();
                if (last.contains(sample)) {
                    return last;
                }
            } catch (IOException notYet) {
                // the run opens the endpoint once its project is read
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no scrape showed " + sample + "; the last:\n" + last);
    }

    private HttpResponse<String> get(int port) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
