package dev.flotilla.config;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code FLOTILLA_<PATH>} environment variables override single keys. */
class OverridesTest {

    @TempDir
    Path dir;
    ConfigFiles files;

    @BeforeEach
    void setUp() {
        files = new ConfigFiles(dir);
    }

    private static final String PG = """
            version_table: from_file
            servers:
              pg-1:
                url: jdbc:postgresql://h/app
                password: from-file
            registry: {file: tenants.yaml}
            defaults:
              concurrency: 2
            """;

    @Test
    void overridesATopLevelKey() {
        ProjectConfig config = files.load(PG, Map.of("FLOTILLA_VERSION_TABLE", "from_env"));

        assertThat(config.versionTable()).isEqualTo("from_env");
    }

    @Test
    void overridesANestedKeyTheFileSets() {
        ProjectConfig config = files.load(PG, Map.of("FLOTILLA_DEFAULTS_CONCURRENCY", "32"));

        assertThat(config.defaults().concurrency()).isEqualTo(32);
    }

    @Test
    void setsAKeyTheFileLeavesOutCreatingItsSection() {
        ProjectConfig config = files.load(ConfigFiles.minimal(""), Map.of("FLOTILLA_DEFAULTS_RETRY_BACKOFF", "5s",
                "FLOTILLA_HISTORY_TABLE", "audit"));

        assertThat(config.defaults().retry().backoff()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.historyTable()).isEqualTo("audit");
    }

    @Test
    void overridesAServerKeyWritingTheServerNameInCapitalsWithUnderscores() {
        ProjectConfig config = files.load(PG, Map.of("FLOTILLA_SERVERS_PG_1_PASSWORD", "from-env",
                "FLOTILLA_SERVERS_PG_1_POOL_SIZE", "3"));

        ServerConfig server = config.server("pg-1").orElseThrow();
        assertThat(server.credentials().password()).contains(Secret.of("from-env"));
        assertThat(server.poolSize()).isEqualTo(3);
    }

    @Test
    void overrideValuesAreInterpolated() {
        files.write("pg.secret", "from-secret-file\n");

        ProjectConfig config = files.load(PG, Map.of("FLOTILLA_SERVERS_PG_1_PASSWORD", "${file:pg.secret}"));

        assertThat(config.server("pg-1").orElseThrow().credentials().password()).contains(Secret.of("from-secret-file"));
    }

    @Test
    void theVariableNameIsTheKeyPathInCapitals() {
        assertThat(Overrides.variable(List.of("servers", "pg-1", "max_concurrency")))
                .isEqualTo("FLOTILLA_SERVERS_PG_1_MAX_CONCURRENCY");
        assertThat(Overrides.variable(List.of("registry", "sql", "columns", "id")))
                .isEqualTo("FLOTILLA_REGISTRY_SQL_COLUMNS_ID");
    }

    @Test
    void launcherAndTestVariablesAreNotOverrides() {
        ProjectConfig config = files.load(PG, Map.of("FLOTILLA_CONFIG", "x.yaml", "FLOTILLA_JAVA_OPTS", "-Xmx1g",
                "FLOTILLA_TEST_PG_URL", "jdbc:postgresql://h/test", "PATH", "/bin"));

        assertThat(config.versionTable()).isEqualTo("from_file");
    }

    @Test
    void aVariableThatNamesNoKeyIsAnErrorWithTheClosestName() {
        assertThat(files.problems(PG, Map.of("FLOTILLA_VERSON_TABLE", "x"))).containsExactly(
                "0:0 : environment variable FLOTILLA_VERSON_TABLE names no key; expected FLOTILLA_ and a key path"
                        + " such as FLOTILLA_DEFAULTS_CONCURRENCY or FLOTILLA_SERVERS_<SERVER>_PASSWORD;"
                        + " did you mean 'FLOTILLA_VERSION_TABLE'?");
    }

    @Test
    void aVariableForAServerTheFileDoesNotNameIsAnError() {
        assertThat(files.problems(PG, Map.of("FLOTILLA_SERVERS_PG2_URL", "jdbc:postgresql://h/x"))).containsExactly(
                "0:0 : environment variable FLOTILLA_SERVERS_PG2_URL names no key; expected FLOTILLA_ and a key path"
                        + " such as FLOTILLA_DEFAULTS_CONCURRENCY or FLOTILLA_SERVERS_<SERVER>_PASSWORD;"
                        + " did you mean 'FLOTILLA_SERVERS_PG_1_URL'?");
    }

    @Test
    void aVariableThatFitsTwoServersIsAnError() {
        String yaml = """
                servers:
                  pg-1: {url: "jdbc:postgresql://h/a"}
                  pg_1: {url: "jdbc:postgresql://h/b"}
                registry: {file: tenants.yaml}
                """;

        assertThat(files.problems(yaml, Map.of("FLOTILLA_SERVERS_PG_1_USER", "app"))).containsExactly(
                "0:0 : environment variable FLOTILLA_SERVERS_PG_1_USER names servers.pg-1.user and servers.pg_1.user;"
                        + " expected one key: rename one of those servers");
    }

    @Test
    void aBadOverrideValueIsReportedAtTheKeyItReplacedNamingTheVariable() {
        assertThat(files.problems(PG, Map.of("FLOTILLA_DEFAULTS_CONCURRENCY", "many"))).containsExactly(
                "8:16 defaults.concurrency: expected an integer of at least 1, found 'many'"
                        + " (set by environment variable FLOTILLA_DEFAULTS_CONCURRENCY)");
    }

    @Test
    void aBadOverrideOfAKeyTheFileLeavesOutHasNoLine() {
        assertThat(files.problems(ConfigFiles.minimal(""), Map.of("FLOTILLA_DEFAULTS_LOCK_WAIT", "30")))
                .containsExactly("0:0 defaults.lock_wait: expected a duration (500ms, 30s, 5m, 1h, or ISO-8601 such"
                        + " as PT1M30S) or 0, found '30' (a number needs a unit: 30s?)"
                        + " (set by environment variable FLOTILLA_DEFAULTS_LOCK_WAIT)");
    }
}
