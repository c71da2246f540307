package dev.flotilla.run;

import dev.flotilla.Flotilla;
import dev.flotilla.FlotillaOptions;
import dev.flotilla.cli.SampleProject;
import dev.flotilla.config.ConfigLoader;
import dev.flotilla.config.ProjectConfig;
import dev.flotilla.connect.PoolSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fleet project in a test folder: the sample's three revisions, a config with the servers given and a
 * tenants.yaml with the tenant lines given; opened with pools that time out fast and detect leaks.
 */
final class TestFleet {

    private final Path dir;
    private final StringBuilder servers = new StringBuilder();
    private final List<String> tenants = new ArrayList<>();
    private final Map<String, String> env = new java.util.HashMap<>();
    private Duration connectionTimeout = Duration.ofSeconds(10);

    TestFleet(Path dir) {
        this.dir = dir;
        new SampleProject(dir).create();
    }

    Path dir() {
        return dir;
    }

    /** Adds a server block, e.g. {@code server("files", "url: jdbc:sqlite:data/${tenant.id}.db")}. */
    TestFleet server(String name, String... lines) {
        servers.append("  ").append(name).append(":\n");
        for (String line : lines) {
            servers.append("    ").append(line).append('\n');
        }
        return this;
    }

    /** Adds a tenant line, e.g. {@code tenant("{id: a, server: files}")}. */
    TestFleet tenant(String line) {
        tenants.add(line);
        return this;
    }

    /** How long taking a connection may wait (default 10 s, as the product's). */
    TestFleet connectionTimeout(Duration timeout) {
        connectionTimeout = timeout;
        return this;
    }

    TestFleet env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Writes the files and opens the project, with {@code extra} config lines (e.g. {@code defaults:}). */
    Flotilla open(String extra) {
        try {
            Files.writeString(dir.resolve("tenants.yaml"), "tenants:\n  - " + String.join("\n  - ", tenants) + "\n");
            Path config = Files.writeString(dir.resolve("flotilla.yaml"), "scripts: migrations\nservers:\n" + servers
                    + "registry:\n  file: tenants.yaml\n" + extra);
            ProjectConfig loaded = ConfigLoader.load(config, env);
            FlotillaOptions options = FlotillaOptions.from(loaded, "test").withPools(new PoolSettings(16,
                    connectionTimeout, Duration.ofSeconds(30), Duration.ofSeconds(20)));
            return Flotilla.open(loaded, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Flotilla open() {
        return open("");
    }

    /** Every event a run reports, for assertions; thread-safe. */
    static class Recorder implements RunListener {
        final List<TenantResult> finished = new CopyOnWriteArrayList<>();
        final List<String> circuits = new CopyOnWriteArrayList<>();
        final List<String> retries = new CopyOnWriteArrayList<>();
        final List<String> started = new CopyOnWriteArrayList<>();

        @Override
        public void tenantStarted(String tenant, String server) {
            started.add(tenant);
        }

        @Override
        public void tenantRetrying(String tenant, String server, int failedAttempt, String error, Duration delay) {
            retries.add(tenant + "#" + failedAttempt);
        }

        @Override
        public void tenantFinished(TenantResult result) {
            finished.add(result);
        }

        @Override
        public void circuitChanged(String server, String state) {
            circuits.add(server + ": " + state);
        }
    }

    /** A sleeper that never waits and counts its calls. */
    static final class NoWait implements Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }
    }
}
