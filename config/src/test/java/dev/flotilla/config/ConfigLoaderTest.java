package dev.flotilla.config;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Every key read into the records, and every default. */
class ConfigLoaderTest {

    @TempDir
    Path dir;
    ConfigFiles files;

    @BeforeEach
    void setUp() {
        files = new ConfigFiles(dir);
    }

    @Test
    void readsEveryKey() {
        ProjectConfig config = files.load("""
                scripts: db/migrations
                version_table: app_version
                history_table: app_history
                servers:
                  pg1:
                    url: jdbc:postgresql://127.0.0.1:5432/app
                    user: postgres
                    password: hunter2
                    pool_size: 8
                    max_concurrency: 4
                    layout: database-per-tenant
                  my1:
                    url: jdbc:mariadb://127.0.0.1:3306/${tenant.database}
                registry:
                  file: registry/tenants.csv
                defaults:
                  concurrency: 16
                  per_server: 2
                  retry: {attempts: 5, backoff: 500ms}
                  lock_wait: 5m
                  lock_timeout: 1h
                  statement_timeout: PT1M30S
                  canary: 3
                  max_failures: 10
                """);

        assertThat(config.scripts()).isEqualTo(dir.resolve("db/migrations"));
        assertThat(config.versionTable()).isEqualTo("app_version");
        assertThat(config.historyTable()).isEqualTo("app_history");
        assertThat(config.servers()).containsOnlyKeys("pg1", "my1");
        assertThat(config.servers().keySet()).containsExactly("pg1", "my1");
        assertThat(config.server("pg1")).contains(new ServerConfig("pg1", "jdbc:postgresql://127.0.0.1:5432/app",
                new Credentials(Optional.of("postgres"), Optional.of(Secret.of("hunter2"))), 8, 4,
                Layout.DATABASE_PER_TENANT));
        assertThat(config.server("pg1").orElseThrow().kind()).isEqualTo(DatabaseKind.POSTGRESQL);
        ServerConfig my1 = config.server("my1").orElseThrow();
        assertThat(my1.kind()).isEqualTo(DatabaseKind.MYSQL);
        assertThat(my1.url()).isEqualTo("jdbc:mariadb://127.0.0.1:3306/${tenant.database}");
        assertThat(my1.credentials()).isEqualTo(Credentials.NONE);
        assertThat(my1.layout()).isEqualTo(Layout.DATABASE_PER_TENANT);
        assertThat(config.registry()).isEqualTo(new RegistryConfig.File(dir.resolve("registry/tenants.csv")));
        assertThat(config.defaults()).isEqualTo(new RunDefaults(16, 2,
                new RetrySettings(5, Duration.ofMillis(500)),
                new TimeoutSettings(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofSeconds(90)), 3, 10));
    }

    @Test
    void fillsInDefaultsForEveryOptionalKey() {
        ProjectConfig config = files.load(ConfigFiles.minimal(""));

        assertThat(config.scripts()).isEqualTo(dir.resolve("migrations"));
        assertThat(config.versionTable()).isEqualTo("flotilla_version");
        assertThat(config.historyTable()).isEqualTo("flotilla_history");
        ServerConfig local = config.server("local").orElseThrow();
        assertThat(local.poolSize()).isEqualTo(ServerConfig.DEFAULT_POOL_SIZE).isEqualTo(10);
        assertThat(local.maxConcurrency()).isEqualTo(10);
        assertThat(local.credentials()).isEqualTo(Credentials.NONE);
        assertThat(config.defaults()).isEqualTo(RunDefaults.DEFAULTS);
        assertThat(RunDefaults.DEFAULTS).isEqualTo(new RunDefaults(8, 4, new RetrySettings(3, Duration.ofSeconds(2)),
                new TimeoutSettings(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ZERO), 0, 0));
    }

    @Test
    void partialDefaultsKeepTheOtherDefaults() {
        ProjectConfig config = files.load(ConfigFiles.minimal("""
                defaults:
                  concurrency: 2
                  retry: {backoff: 0}
                """));

        assertThat(config.defaults()).isEqualTo(new RunDefaults(2, 4, new RetrySettings(3, Duration.ZERO),
                TimeoutSettings.DEFAULTS, 0, 0));
    }

    @Test
    void maxConcurrencyDefaultsToThePoolSize() {
        ProjectConfig config = files.load("""
                servers:
                  pg1: {url: "jdbc:postgresql://h/app", pool_size: 3}
                registry: {file: tenants.yaml}
                """);

        assertThat(config.server("pg1").orElseThrow().maxConcurrency()).isEqualTo(3);
    }

    @Test
    void layoutDefaultsFromTheDialect() {
        ProjectConfig config = files.load("""
                servers:
                  pg: {url: "jdbc:postgresql://h/app"}
                  my: {url: "jdbc:mysql://h:3306/"}
                  maria: {url: "jdbc:mariadb://h:3306/"}
                  files: {url: "jdbc:sqlite:${tenant.id}.db"}
                registry: {file: tenants.yaml}
                """);

        assertThat(config.servers().values()).extracting(ServerConfig::layout).containsExactly(
                Layout.SCHEMA_PER_TENANT, Layout.DATABASE_PER_TENANT, Layout.DATABASE_PER_TENANT, Layout.FILE_PER_TENANT);
    }

    @Test
    void relativeSqliteFilesAreInTheConfigFolderAndOtherSqliteUrlsStayAsWritten() {
        ProjectConfig config = files.load("""
                servers:
                  rel: {url: "jdbc:sqlite:data/${tenant.id}.db"}
                  abs: {url: "jdbc:sqlite:/var/lib/flotilla/${tenant.id}.db"}
                  uri: {url: "jdbc:sqlite:file:${tenant.id}?mode=memory"}
                registry: {file: tenants.yaml}
                """);

        assertThat(config.servers().values()).extracting(ServerConfig::url).containsExactly(
                "jdbc:sqlite:" + dir.resolve("data") + "/${tenant.id}.db",
                "jdbc:sqlite:/var/lib/flotilla/${tenant.id}.db",
                "jdbc:sqlite:file:${tenant.id}?mode=memory");
    }

    @Test
    void relativePathsResolveAgainstTheConfigFolderNotTheWorkingDirectory() {
        Path file = files.write("project/conf/flotilla.yaml", ConfigFiles.minimal("scripts: ../migrations\n"));

        ProjectConfig config = ConfigLoader.load(file, Map.of());

        assertThat(config.scripts()).isEqualTo(dir.resolve("project/migrations"));
        assertThat(config.registry()).isEqualTo(new RegistryConfig.File(dir.resolve("project/conf/tenants.yaml")));
    }

    @Test
    void readsASqlRegistryWithAColumnMapping() {
        ProjectConfig config = files.load("""
                servers:
                  control: {url: "jdbc:postgresql://h/control"}
                registry:
                  sql:
                    server: control
                    query: SELECT tenant_id, schema_name FROM tenants WHERE active
                    columns: {id: tenant_id, schema: schema_name}
                """);

        assertThat(config.registry()).isEqualTo(new RegistryConfig.Sql("control",
                "SELECT tenant_id, schema_name FROM tenants WHERE active",
                Map.of("id", "tenant_id", "schema", "schema_name")));
    }

    @Test
    void readsADiscoveryRegistry() {
        ProjectConfig config = files.load("""
                servers:
                  pg1: {url: "jdbc:postgresql://h/app"}
                registry:
                  discover: {server: pg1, pattern: "tenant_%"}
                """);

        assertThat(config.registry()).isEqualTo(new RegistryConfig.Discover("pg1", "tenant_%"));
    }

    @Test
    void recordsAreImmutable() {
        ProjectConfig config = files.load(ConfigFiles.minimal(""));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> config.servers().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
