package dev.flotilla.testkit;

import java.time.Duration;
import java.util.Optional;

/** The server named by {@code FLOTILLA_TEST_PG_URL} or {@code FLOTILLA_TEST_MYSQL_URL}. */
final class UrlSource implements ServerSource {

    /** A named remote server may be slower to answer than a local one. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final DatabaseKind kind;
    private final Optional<ServerEndpoint> endpoint;

    UrlSource(DatabaseKind kind, Optional<ServerEndpoint> endpoint) {
        this.kind = kind;
        this.endpoint = endpoint;
    }

    @Override
    public String name() {
        return kind.urlVariable() + endpoint.map(e -> " (" + e.describe() + ")").orElse("");
    }

    @Override
    public ProvidedServer open() throws Exception {
        ServerEndpoint server = endpoint.orElseThrow(() -> new IllegalStateException("not set"));
        server.verify(TIMEOUT);
        return ProvidedServer.external(server, name());
    }
}
