package dev.flotilla;

import dev.flotilla.cli.SampleProject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fleet project in a test folder: the sample's three revisions, a flotilla.yaml with one SQLite server
 * (a file per tenant under data/) and a tenants.yaml with acme (tags gold, canary), globex (gold),
 * initech (suspended).
 */
public final class FleetProject {

    public static final String CONFIG = """
            scripts: migrations
            servers:
              files:
                url: jdbc:sqlite:data/${tenant.id}.db
            registry:
              file: tenants.yaml
            """;

    public static final String TENANTS = """
            tenants:
              - {id: acme, server: files, tags: [gold, canary]}
              - {id: globex, server: files, tags: [gold]}
              - {id: initech, server: files, state: suspended}
            """;

    private FleetProject() {
    }

    /** Writes the project into {@code dir}; returns the config file. */
    public static Path create(Path dir) {
        return create(dir, CONFIG, TENANTS);
    }

    public static Path create(Path dir, String config, String tenants) {
        new SampleProject(dir).create();
        try {
            Files.writeString(dir.resolve("tenants.yaml"), tenants);
            return Files.writeString(dir.resolve("flotilla.yaml"), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
