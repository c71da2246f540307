package dev.flotilla.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TestkitSettingsTest {

    @Test
    void nothingSetMeansLocalSourcesAndSkipping() {
        TestkitSettings settings = TestkitSettings.fromEnvironment(Map.of("FLOTILLA_TEST_PG_URL", "  "));

        assertThat(settings.server(DatabaseKind.POSTGRESQL)).isEmpty();
        assertThat(settings.server(DatabaseKind.MYSQL)).isEmpty();
        assertThat(settings.requireDatabases()).isFalse();
    }

    @Test
    void readsBothUrlsAndTheRequireFlag() {
        TestkitSettings settings = TestkitSettings.fromEnvironment(Map.of(
                "FLOTILLA_TEST_PG_URL", "jdbc:postgresql://pg:5432/postgres?user=a",
                "FLOTILLA_TEST_MYSQL_URL", "jdbc:mysql://my:3306/?user=b",
                "FLOTILLA_TEST_REQUIRE_DATABASES", "TRUE"));

        assertThat(settings.server(DatabaseKind.POSTGRESQL)).get().extracting(ServerEndpoint::host).isEqualTo("pg");
        assertThat(settings.server(DatabaseKind.MYSQL)).get().extracting(ServerEndpoint::user).isEqualTo("b");
        assertThat(settings.requireDatabases()).isTrue();
    }

    @Test
    void rejectsAnUnknownRequireValue() {
        assertThatThrownBy(() -> TestkitSettings.fromEnvironment(Map.of("FLOTILLA_TEST_REQUIRE_DATABASES", "yes")))
                .isInstanceOf(TestDatabaseException.class)
                .hasMessage("FLOTILLA_TEST_REQUIRE_DATABASES must be 'true' or 'false' (or unset), was 'yes'");
    }

    @Test
    void rejectsAMalformedUrlNamingTheVariableButNotThePassword() {
        assertThatThrownBy(() -> TestkitSettings.fromEnvironment(
                Map.of("FLOTILLA_TEST_MYSQL_URL", "mysql://root:topsecret@db/")))
                .isInstanceOf(TestDatabaseException.class)
                .hasMessageStartingWith("FLOTILLA_TEST_MYSQL_URL must start with 'jdbc:mysql://'")
                .hasMessageNotContaining("topsecret");
    }
}
