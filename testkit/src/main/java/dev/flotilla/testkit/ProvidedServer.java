package dev.flotilla.testkit;

import java.io.IOException;

/**
 * A server some source made available, and how to give it back.
 *
 * @param origin where it came from, for messages, e.g. {@code local server 127.0.0.1:5432}
 * @param stop   stops what the source started; does nothing for a server that was already running
 */
record ProvidedServer(ServerEndpoint endpoint, String origin, Stop stop) implements AutoCloseable {

    /** Stops a server the test kit started. */
    @FunctionalInterface
    interface Stop {
        void run() throws IOException;
    }

    static ProvidedServer external(ServerEndpoint endpoint, String origin) {
        return new ProvidedServer(endpoint, origin, () -> { });
    }

    @Override
    public void close() throws IOException {
        stop.run();
    }
}
