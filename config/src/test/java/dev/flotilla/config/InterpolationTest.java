package dev.flotilla.config;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ${env:…}}, {@code ${env:…:-…}}, {@code ${file:…}}, templates and {@code $${}. */
class InterpolationTest {

    @TempDir
    Path dir;
    ConfigFiles files;

    @BeforeEach
    void setUp() {
        files = new ConfigFiles(dir);
    }

    private static String pg(String serverKeys) {
        return "servers:\n  pg1:\n    url: jdbc:postgresql://h/app\n" + serverKeys + "registry: {file: tenants.yaml}\n";
    }

    private ServerConfig pg1(ProjectConfig config) {
        return config.server("pg1").orElseThrow();
    }

    @Test
    void envReadsTheGivenEnvironment() {
        ProjectConfig config = files.load(pg("    user: ${env:PG_USER}\n    password: ${env:PG_PASSWORD}\n"),
                Map.of("PG_USER", "app", "PG_PASSWORD", "s3cret"));

        assertThat(pg1(config).credentials().user()).contains("app");
        assertThat(pg1(config).credentials().password().orElseThrow().reveal()).isEqualTo("s3cret");
    }

    @Test
    void envDefaultAppliesWhenTheVariableIsUnsetOrEmpty() {
        String yaml = ConfigFiles.minimal("defaults:\n  concurrency: ${env:CONCURRENCY:-3}\n");

        assertThat(files.load(yaml).defaults().concurrency()).isEqualTo(3);
        assertThat(files.load(yaml, Map.of("CONCURRENCY", "")).defaults().concurrency()).isEqualTo(3);
        assertThat(files.load(yaml, Map.of("CONCURRENCY", "12")).defaults().concurrency()).isEqualTo(12);
    }

    @Test
    void envWithoutDefaultMayBeSetToEmpty() {
        ProjectConfig config = files.load(pg("    password: ${env:PG_PASSWORD}\n"), Map.of("PG_PASSWORD", ""));

        assertThat(pg1(config).credentials().password().orElseThrow().reveal()).isEmpty();
    }

    @Test
    void envDefaultMayBeEmpty() {
        ProjectConfig config = files.load(pg("    password: ${env:PG_PASSWORD:-}\n"));

        assertThat(pg1(config).credentials().password().orElseThrow().reveal()).isEmpty();
    }

    @Test
    void fileReadsASecretFileTrimmed() {
        Path secret = files.write("secrets/pg", "  s3cret \n");

        ProjectConfig config = files.load(pg("    password: ${file:" + secret + "}\n"));

        assertThat(pg1(config).credentials().password()).contains(Secret.of("s3cret"));
    }

    @Test
    void fileResolvesARelativePathAgainstTheConfigFolder() {
        files.write("secrets/pg", "s3cret\n");

        ProjectConfig config = files.load(pg("    password: ${file:secrets/pg}\n"));

        assertThat(pg1(config).credentials().password()).contains(Secret.of("s3cret"));
    }

    @Test
    void placeholdersMixWithTextAndEachOther() {
        ProjectConfig config = files.load("""
                servers:
                  pg1:
                    url: jdbc:postgresql://${env:PG_HOST}:${env:PG_PORT:-5432}/${tenant.database}?app=${server.name}
                registry: {file: tenants.yaml}
                """, Map.of("PG_HOST", "db.internal"));

        assertThat(pg1(config).url()).isEqualTo("jdbc:postgresql://db.internal:5432/${tenant.database}?app=${server.name}");
    }

    @Test
    void tenantAndServerPlaceholdersAreKeptVerbatimInUrls() {
        ProjectConfig config = files.load("""
                servers:
                  my1: {url: "jdbc:mysql://${server.host}:3306/${tenant.database}"}
                registry: {file: tenants.yaml}
                """);

        assertThat(config.server("my1").orElseThrow().url()).isEqualTo("jdbc:mysql://${server.host}:3306/${tenant.database}");
    }

    @Test
    void doubleDollarWritesALiteralPlaceholder() {
        ProjectConfig config = files.load(pg("    password: a$${b}c$d\n"));

        assertThat(pg1(config).credentials().password().orElseThrow().reveal()).isEqualTo("a${b}c$d");
    }

    @Test
    void interpolationAppliesToEveryScalarKey() {
        ProjectConfig config = files.load("""
                scripts: ${env:SCRIPTS}
                version_table: ${env:TABLE}
                servers:
                  pg1: {url: "jdbc:postgresql://h/app", pool_size: "${env:POOL}", layout: "${env:LAYOUT}"}
                registry:
                  discover: {server: "${env:SERVER}", pattern: "${env:PATTERN}"}
                defaults:
                  lock_wait: ${env:WAIT}
                """, Map.of("SCRIPTS", "sql", "TABLE", "v", "POOL", "2", "LAYOUT", "database-per-tenant",
                "SERVER", "pg1", "PATTERN", "t_%", "WAIT", "1s"));

        assertThat(config.scripts()).isEqualTo(dir.resolve("sql"));
        assertThat(config.versionTable()).isEqualTo("v");
        assertThat(pg1(config).poolSize()).isEqualTo(2);
        assertThat(pg1(config).layout()).isEqualTo(Layout.DATABASE_PER_TENANT);
        assertThat(config.registry()).isEqualTo(new RegistryConfig.Discover("pg1", "t_%"));
        assertThat(config.defaults().timeouts().lockWait()).hasSeconds(1);
    }
}
