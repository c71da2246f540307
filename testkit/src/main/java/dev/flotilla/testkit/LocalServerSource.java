package dev.flotilla.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** A server already running on this machine's default port, as on developer machines and CI. */
final class LocalServerSource implements ServerSource {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private final ServerEndpoint endpoint;
    private final Duration timeout;

    LocalServerSource(ServerEndpoint endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "local server " + endpoint.host() + ":" + endpoint.port();
    }

    @Override
    public ProvidedServer open() throws Exception {
        // A plain TCP connect first: it fails fast and says plainly that nothing listens there.
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), (int) timeout.toMillis());
        } catch (IOException e) {
            throw new IOException("nothing answers within " + timeout.toMillis() + " ms (" + Reasons.of(e) + ")", e);
        }
        endpoint.verify(timeout);
        return ProvidedServer.external(endpoint, name());
    }
}
