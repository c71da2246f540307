package dev.flotilla.metrics;

import dev.flotilla.run.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.flotilla.metrics.RunMetricsTest.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricsOutputTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void servesTheRunsMetricsOverHttpWhileItGoesAndStopsAtTheEnd() throws Exception {
        MetricsOutput output = MetricsOutput.open(new MetricsSettings(Optional.of(0), Optional.empty(),
                MetricsSettings.LOOPBACK));
        int port = output.port().orElseThrow();
        output.listener().tenantStarted("a", "pg1");
        output.listener().tenantFinished(result("b", Outcome.MIGRATED, 1, 250, null));
        output.listener().circuitChanged("my1", "open");

        HttpResponse<String> scrape = get(port, "/metrics");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(Samples.flotilla(scrape.body()))
                .containsEntry("flotilla_tenants_total{outcome=\"migrated\"}", 1.0)
                .containsEntry("flotilla_tenants_in_flight", 1.0)
                .containsEntry("flotilla_tenant_duration_seconds_sum", 0.25)
                .containsEntry("flotilla_circuit_state{server=\"my1\"}", 2.0);
        assertThat(get(port, "/").statusCode()).isEqualTo(404);

        output.close();

        assertThatThrownBy(() -> get(port, "/metrics")).isInstanceOf(IOException.class);
    }

    @Test
    void writesTheTextfileAtTheEndWithTheFinalValues() throws Exception {
        Path file = dir.resolve("textfile/flotilla.prom");
        MetricsOutput output = MetricsOutput.open(MetricsSettings.of(null, file));
        output.listener().circuitChanged("pg1", "closed");
        output.listener().circuitChanged("my1", "closed");
        output.listener().circuitChanged("my1", "open");
        output.listener().tenantFinished(result("a", Outcome.MIGRATED, 1, 100, null));
        output.listener().tenantFinished(result("b", Outcome.FAILED, 2, 300, "boom"));
        output.listener().tenantRetrying("b", "pg1", 1, "lock timeout", Duration.ZERO);
        assertThat(output.port()).isEmpty();
        assertThat(file).doesNotExist();

        output.close();

        assertThat(Samples.flotilla(Files.readString(file)))
                .containsEntry("flotilla_tenants_total{outcome=\"migrated\"}", 1.0)
                .containsEntry("flotilla_tenants_total{outcome=\"failed\"}", 1.0)
                .containsEntry("flotilla_tenant_duration_seconds_count", 2.0)
                .containsEntry("flotilla_tenant_duration_seconds_sum", 0.4)
                .containsEntry("flotilla_retries_total", 1.0)
                .containsEntry("flotilla_circuit_state{server=\"pg1\"}", 0.0)
                .containsEntry("flotilla_circuit_state{server=\"my1\"}", 2.0);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("flotilla.prom");
        }
    }

    @Test
    void theEndpointListensOnLoopbackOnlyUnlessToldOtherwise() throws Exception {
        try (MetricsOutput output = MetricsOutput.open(MetricsSettings.of(0, null))) {
            assertThat(output.address().orElseThrow().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void aPortInUseIsAClearError() throws Exception {
        try (MetricsOutput first = MetricsOutput.open(MetricsSettings.of(0, null))) {
            int taken = first.port().orElseThrow();
            assertThatThrownBy(() -> MetricsOutput.open(MetricsSettings.of(taken, null)))
                    .hasMessageStartingWith("cannot serve metrics on 127.0.0.1:" + taken + ": ")
                    .hasMessageEndingWith("(is the port in use? choose another with --metrics-port)");
        }
    }

    @Test
    void aPortOutOfRangeIsRejected() {
        assertThatThrownBy(() -> MetricsSettings.of(70_000, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metrics port must be between 0 and 65535, found 70000");
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
