package dev.flotilla.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerBootstrapTest {

    @Test
    void saysOutLoudWhyAServerIsMissing() throws IOException {
        TestkitSettings settings = TestkitSettings.fromEnvironment(Map.of(
                "FLOTILLA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:" + ServerResolverTest.freePort() + "/postgres"));
        List<String> log = new ArrayList<>();

        Resolution resolution = ServerBootstrap.open(
                DatabaseKind.POSTGRESQL, settings, Clock.systemUTC(), line -> { }, log::add);

        assertThat(resolution).isInstanceOf(Resolution.Unavailable.class);
        assertThat(log).containsExactly(((Resolution.Unavailable) resolution).reason());
    }
}
