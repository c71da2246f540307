package dev.flotilla.metrics;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a run's metrics go: {@code --metrics-port P} and {@code --metrics-file F}. Immutable.
 *
 * @param port        serve {@code /metrics} on this port during the run (0: any free port)
 * @param file        write the Prometheus text here when the run ends (node_exporter's textfile collector
 *                    reads {@code *.prom} files from its folder)
 * @param bindAddress the address the port listens on; {@value #LOOPBACK} unless the operator widens it
 */
public record MetricsSettings(Optional<Integer> port, Optional<Path> file, String bindAddress) {

    /** Metrics describe the fleet: nothing is exposed beyond this machine unless asked. */
    public static final String LOOPBACK = "127.0.0.1";

    public MetricsSettings {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(bindAddress, "bindAddress");
        port.ifPresent(p -> {
            if (p < 0 || p > 65_535) {
                throw new IllegalArgumentException("metrics port must be between 0 and 65535, found " + p);
            }
        });
        if (bindAddress.isBlank()) {
            throw new IllegalArgumentException("metrics bind address must not be blank");
        }
    }

    /** No endpoint, no file. */
    public static MetricsSettings none() {
        return new MetricsSettings(Optional.empty(), Optional.empty(), LOOPBACK);
    }

    /** The CLI's options, either possibly null; the port on {@value #LOOPBACK}. */
    public static MetricsSettings of(Integer port, Path file) {
        return new MetricsSettings(Optional.ofNullable(port), Optional.ofNullable(file), LOOPBACK);
    }

    /** True when metrics go anywhere at all. */
    public boolean enabled() {
        return port.isPresent() || file.isPresent();
    }
}
