package dev.flotilla.metrics;

import dev.flotilla.report.run.AtomicFile;
import dev.flotilla.run.RunListener;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A run's metrics from start to end, as the CLI wires them: a Prometheus registry, the {@link RunMetrics}
 * listener on it, the endpoint if a port was asked for, and the textfile written by {@link #close()} if a
 * file was. Open before the run, add {@link #listener()} to its listeners, close after
 * {@code runFinished}. Thread-safe.
 */
public final class MetricsOutput implements AutoCloseable {

    private final MetricsSettings settings;
    private final PrometheusMeterRegistry registry;
    private final RunMetrics metrics;
    private final Optional<MetricsEndpoint> endpoint;

    private MetricsOutput(MetricsSettings settings, PrometheusMeterRegistry registry, Optional<MetricsEndpoint> endpoint) {
        this.settings = settings;
        this.registry = registry;
        this.metrics = new RunMetrics(registry);
        this.endpoint = endpoint;
    }

    /**
     * Creates the registry and starts the endpoint when {@code settings} has a port.
     *
     * @throws java.io.UncheckedIOException when the port cannot be bound
     */
    public static MetricsOutput open(MetricsSettings settings) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Optional<MetricsEndpoint> endpoint = settings.port()
                .map(port -> MetricsEndpoint.start(registry, new InetSocketAddress(settings.bindAddress(), port)));
        return new MetricsOutput(settings, registry, endpoint);
    }

    /** The listener to give the run. */
    public RunListener listener() {
        return metrics;
    }

    /** The port being served, when there is an endpoint (useful with port 0). */
    public OptionalInt port() {
        return endpoint.map(e -> OptionalInt.of(e.port())).orElse(OptionalInt.empty());
    }

    /** The address being served, when there is an endpoint. */
    public Optional<InetSocketAddress> address() {
        return endpoint.map(MetricsEndpoint::address);
    }

    /** The Prometheus text as a scrape would see it now. */
    public String scrape() {
        return registry.scrape();
    }

    /**
     * Writes the textfile (atomically: node_exporter never reads half of it), stops the endpoint and
     * removes the meters, in that order, even when writing fails.
     *
     * @throws IOException when the file cannot be written
     */
    @Override
    public void close() throws IOException {
        try {
            if (settings.file().isPresent()) {
                writeFile(settings.file().get());
            }
        } finally {
            endpoint.ifPresent(MetricsEndpoint::close);
            metrics.close();
            registry.close();
        }
    }

    private void writeFile(Path file) throws IOException {
        AtomicFile.write(file, registry.scrape().getBytes(StandardCharsets.UTF_8));
    }
}
