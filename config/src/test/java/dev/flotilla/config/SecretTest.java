package dev.flotilla.config;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A secret never prints itself, and no message ever holds one. */
class SecretTest {

    private static final String VALUE = "s3cr3t-Pa55";

    @TempDir
    Path dir;
    ConfigFiles files;

    @BeforeEach
    void setUp() {
        files = new ConfigFiles(dir);
    }

    @Test
    void printsAsMaskedAndRevealsOnlyOnRequest() {
        Secret secret = Secret.of(VALUE);

        assertThat(secret).hasToString("<masked>");
        assertThat(String.valueOf(secret)).isEqualTo("<masked>");
        assertThat(secret.reveal()).isEqualTo(VALUE);
        assertThat(secret.scrub("login failed for " + VALUE + "!")).isEqualTo("login failed for <masked>!");
        assertThat(secret).isEqualTo(Secret.of(VALUE)).isNotEqualTo(Secret.of("other"));
        assertThat(secret.hashCode()).isEqualTo(Secret.of("other").hashCode());
    }

    @Test
    void recordsHoldingASecretDoNotPrintIt() {
        files.write("pg.secret", VALUE + "\n");
        ProjectConfig config = files.load("""
                servers:
                  pg1: {url: "jdbc:postgresql://h/app", user: app, password: "${file:pg.secret}"}
                registry: {file: tenants.yaml}
                """);

        assertThat(config.toString()).doesNotContain(VALUE).contains("password=Optional[<masked>]");
        assertThat(new Credentials(Optional.of("u"), Optional.of(Secret.of(VALUE))).toString()).doesNotContain(VALUE);
    }

    @Test
    void aSecretFromAFileIsNotInTheMessageOfAnotherProblem() {
        files.write("pg.secret", VALUE);

        ConfigException e = files.failure("""
                servers:
                  pg1: {url: "jdbc:postgresql://h/app", user: "", password: "${file:pg.secret}", pool_size: 0}
                registry: {file: tenants.yaml}
                """);

        assertThat(e.getMessage()).doesNotContain(VALUE);
        assertThat(e.problems()).extracting(ConfigProblem::message).noneMatch(m -> m.contains(VALUE));
        assertThat(e.problems()).hasSize(2);
    }

    @Test
    void aPasswordThatLooksLikeAnUnknownPlaceholderIsNotQuoted() {
        ConfigException e = files.failure("""
                servers:
                  pg1: {url: "jdbc:postgresql://h/app", password: "ab${cd}ef"}
                registry: {file: tenants.yaml}
                """);

        assertThat(e.getMessage()).doesNotContain("ab${cd}ef").doesNotContain("${cd}");
        assertThat(e.problems()).extracting(ConfigProblem::message).containsExactly(
                "found an unknown placeholder at character 3; expected ${env:NAME}, ${env:NAME:-default} or"
                        + " ${file:PATH}, or $${ for a literal ${");
    }

    @Test
    void aPasswordWithAnUnclosedPlaceholderIsNotQuoted() {
        ConfigException e = files.failure("""
                servers:
                  pg1: {url: "jdbc:postgresql://h/app", password: "x${s3cr3t-Pa55"}
                registry: {file: tenants.yaml}
                """);

        assertThat(e.getMessage()).doesNotContain(VALUE);
        assertThat(e.problems()).extracting(ConfigProblem::message).containsExactly(
                "found '${' without a closing '}' at character 2; expected ${…} placeholders closed, or $${ for a literal ${");
    }

    @Test
    void aPasswordFromTheEnvironmentIsNotInMessages() {
        ConfigException e = files.failure("""
                servers:
                  pg1: {url: "jdbc:postgresql://h/app", password: "${env:PG_PASSWORD}", layout: file-per-tenant}
                registry: {file: tenants.yaml}
                """, Map.of("PG_PASSWORD", VALUE, "FLOTILLA_SERVERS_PG1_USER", ""));

        assertThat(e.getMessage()).doesNotContain(VALUE);
        assertThat(e.problems()).hasSize(2);
    }

    @Test
    void aPasswordOverrideIsNotInMessages() {
        ConfigException e = files.failure("""
                servers:
                  pg1: {url: "jdbc:postgresql://h/app", pool_size: -1}
                registry: {file: tenants.yaml}
                """, Map.of("FLOTILLA_SERVERS_PG1_PASSWORD", VALUE));

        assertThat(e.getMessage()).doesNotContain(VALUE);
    }

    @Test
    void aPasswordInAUrlIsMaskedInMessages() {
        ConfigException e = files.failure("""
                servers:
                  pg1: {url: "postgresql://app:s3cr3t-Pa55@h/app?password=s3cr3t-Pa55"}
                registry: {file: tenants.yaml}
                """);

        assertThat(e.getMessage()).doesNotContain(VALUE);
        assertThat(e.problems()).extracting(ConfigProblem::message).containsExactly(
                "expected a JDBC URL starting with jdbc:postgresql:, jdbc:mysql:, jdbc:mariadb: or jdbc:sqlite:,"
                        + " found 'postgresql://app:<masked>@h/app?password=<masked>'");
    }

    @Test
    void aPasswordGivenAsAMappingIsNotQuoted() {
        ConfigException e = files.failure("""
                servers:
                  pg1: {url: "jdbc:postgresql://h/app", password: {value: s3cr3t-Pa55}}
                registry: {file: tenants.yaml}
                """);

        assertThat(e.getMessage()).doesNotContain(VALUE);
        assertThat(e.problems()).extracting(ConfigProblem::message).containsExactly("expected a password, found a mapping");
    }
}
