package dev.flotilla.testkit;

import static dev.flotilla.testkit.Servers.exists;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MYSQL})
class SweeperTest {

    private final List<String> warnings = new ArrayList<>();

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void dropsTestDatabasesOlderThanSixHoursAndKeepsTheRest(DatabaseKind kind, TestDatabases databases)
            throws SQLException {
        TestDatabase current = databases.get(kind);
        ServerEndpoint server = Servers.endpointOf(current);
        Instant now = Instant.now();
        String old = "ft_" + now.minus(Duration.ofHours(7)).getEpochSecond() + "_x" + suffix();
        String fresh = "ft_" + now.minus(Duration.ofHours(5)).getEpochSecond() + "_" + suffix();
        String foreign = "ft_notanepoch_" + suffix();
        List<String> names = List.of(old, fresh, foreign);
        try {
            create(server, names);

            List<String> dropped = new Sweeper(warnings::add).sweep(server, now.minus(Sweeper.MAX_AGE));

            assertThat(dropped).contains(old).doesNotContain(fresh, foreign, current.name());
            assertThat(exists(current, old)).isFalse();
            assertThat(exists(current, fresh)).isTrue();
            assertThat(exists(current, foreign)).isTrue();
            assertThat(exists(current, current.name())).isTrue();
            assertThat(warnings).isEmpty();
        } finally {
            drop(server, names);
        }
    }

    @Test
    void anUnreachableServerIsAWarningNotAFailure() throws IOException {
        ServerEndpoint nowhere = new ServerEndpoint(DatabaseKind.POSTGRESQL, "127.0.0.1",
                ServerResolverTest.freePort(), "postgres", "postgres", "", Map.of());

        assertThat(new Sweeper(warnings::add).sweep(nowhere, Instant.now())).isEmpty();
        assertThat(warnings).singleElement().asString()
                .startsWith("could not look for stale test databases on 127.0.0.1:" + nowhere.port());
    }

    private static void create(ServerEndpoint server, List<String> names) throws SQLException {
        try (Connection admin = server.connectAdmin()) {
            for (String name : names) {
                ServerDialect.of(server.kind()).create(admin, name);
            }
        }
    }

    private static void drop(ServerEndpoint server, List<String> names) throws SQLException {
        try (Connection admin = server.connectAdmin()) {
            for (String name : names) {
                ServerDialect.of(server.kind()).drop(admin, name);
            }
        }
    }

    private static String suffix() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }
}
