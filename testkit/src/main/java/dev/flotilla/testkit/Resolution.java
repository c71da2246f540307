package dev.flotilla.testkit;

import java.io.IOException;
import org.opentest4j.TestAbortedException;

/** The outcome of looking for a server of one kind: kept for the rest of the JVM's tests. */
sealed interface Resolution {

    /** The server's endpoint, or aborts (skips) the test, or fails it when databases are required. */
    ServerEndpoint endpointOrAbort(boolean requireDatabases);

    /** A server was found; closing it stops what the test kit started. */
    record Available(ProvidedServer server) implements Resolution, AutoCloseable {
        @Override
        public ServerEndpoint endpointOrAbort(boolean requireDatabases) {
            return server.endpoint();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    /** No source worked; {@code reason} is one line naming every source tried and why it failed. */
    record Unavailable(DatabaseKind kind, String reason) implements Resolution {
        @Override
        public ServerEndpoint endpointOrAbort(boolean requireDatabases) {
            if (requireDatabases) {
                throw new TestDatabaseException(reason + " [" + TestkitSettings.REQUIRE_VARIABLE
                        + "=true: failing instead of skipping]");
            }
            throw new TestAbortedException(reason);
        }
    }
}
