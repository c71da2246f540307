package dev.flotilla.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The records validate in their constructors for callers that build them in code, naming the key. */
class RecordsTest {

    private static ServerConfig pg(String name) {
        return new ServerConfig(name, "jdbc:postgresql://h/app", Credentials.NONE, 4, 2, Layout.SCHEMA_PER_TENANT);
    }

    @Test
    void serverConfigRejectsOutOfRangeValues() {
        assertThatThrownBy(() -> new ServerConfig("pg1", "jdbc:postgresql://h/app", Credentials.NONE, 0, 1,
                Layout.SCHEMA_PER_TENANT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pool_size: expected an integer of at least 1, found 0");
        assertThatThrownBy(() -> new ServerConfig("pg1", "jdbc:h2:mem:x", Credentials.NONE, 1, 1,
                Layout.SCHEMA_PER_TENANT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("url: expected a JDBC URL starting with jdbc:postgresql:, jdbc:mysql:, jdbc:mariadb: or"
                        + " jdbc:sqlite:, found 'jdbc:h2:mem:x'");
        assertThatThrownBy(() -> new ServerConfig("pg1", "jdbc:mysql://h/", Credentials.NONE, 1, 1,
                Layout.SCHEMA_PER_TENANT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layout: expected database-per-tenant for a MySQL/MariaDB server, found schema-per-tenant");
    }

    @Test
    void credentialsRejectABlankUser() {
        assertThatThrownBy(() -> new Credentials(Optional.of(" "), Optional.empty()))
                .hasMessage("user: expected a value, found an empty string");
    }

    @Test
    void projectConfigChecksTheRegistryServer() {
        assertThatThrownBy(() -> new ProjectConfig(Path.of("/p/migrations"), "v", "h", Map.of("pg1", pg("pg1")),
                new RegistryConfig.Discover("pg2", "t_%"), RunDefaults.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("registry.discover.server: expected one of the servers (pg1), found 'pg2'; did you mean 'pg1'?");
    }

    @Test
    void projectConfigChecksThatServersAreFiledUnderTheirNames() {
        assertThatThrownBy(() -> new ProjectConfig(Path.of("/p/migrations"), "v", "h", Map.of("pg1", pg("pg2")),
                new RegistryConfig.File(Path.of("/p/tenants.yaml")), RunDefaults.DEFAULTS))
                .hasMessage("servers.pg1: expected the server named 'pg1', found 'pg2'");
    }

    @Test
    void sqlRegistryRejectsAnUnknownColumnField() {
        assertThatThrownBy(() -> new RegistryConfig.Sql("pg1", "SELECT 1", Map.of("region", "r")))
                .hasMessage("columns.region: expected one of id, server, schema, database, tags, state, found 'region'");
    }

    @Test
    void runDefaultsAndTimeoutsRejectNegatives() {
        assertThatThrownBy(() -> new RunDefaults(8, 4, RetrySettings.DEFAULTS, TimeoutSettings.DEFAULTS, -1, 0))
                .hasMessage("canary: expected an integer of at least 0, found -1");
        assertThatThrownBy(() -> new TimeoutSettings(Duration.ofSeconds(-1), Duration.ZERO, Duration.ZERO))
                .hasMessage("lock_wait: expected a duration of 0 or more, found PT-1S");
        assertThatThrownBy(() -> new RetrySettings(0, Duration.ZERO))
                .hasMessage("attempts: expected an integer of at least 1, found 0");
    }

    @Test
    void problemsPrintAsFileLineColumnKeyMessage() {
        assertThat(new ConfigProblem(Path.of("flotilla.yaml"), 3, 7, "servers.pg1.url", "expected x, found y"))
                .hasToString("flotilla.yaml:3:7: servers.pg1.url: expected x, found y");
        assertThat(new ConfigProblem(Path.of("flotilla.yaml"), 0, 0, "", "the file is empty"))
                .hasToString("flotilla.yaml: the file is empty");
    }

    @Test
    void kindsAndLayoutsFollowTheUrl() {
        assertThat(DatabaseKind.fromUrl("jdbc:mariadb://h/")).contains(DatabaseKind.MYSQL);
        assertThat(DatabaseKind.fromUrl("jdbc:oracle:thin:@h")).isEmpty();
        assertThat(DatabaseKind.POSTGRESQL.defaultLayout()).isEqualTo(Layout.SCHEMA_PER_TENANT);
        assertThat(Layout.fromKey("file-per-tenant")).contains(Layout.FILE_PER_TENANT);
    }
}
