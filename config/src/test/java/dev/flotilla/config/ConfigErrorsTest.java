package dev.flotilla.config;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One test per kind of error: each names the line, column and key, what was found and what is expected. */
class ConfigErrorsTest {

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

    @Test
    void everyProblemIsReportedTogetherInFileOrderWithExitCode2() {
        ConfigException e = files.failure("""
                version_table: 1bad
                servers:
                  pg1:
                    url: jdbc:postgresql://h/app
                    pool_size: 0
                    max_concurency: 2
                registry: {file: tenants.yaml}
                defaults:
                  lock_timeout: soon
                """);

        Path file = dir.resolve("flotilla.yaml");
        assertThat(e.exitCode()).isEqualTo(2);
        assertThat(e.getMessage()).isEqualTo("4 problems in " + file + ":\n"
                + "  " + file + ":1:16: version_table: expected a table name (a letter or _, then letters, digits or _;"
                + " at most 63), found '1bad'\n"
                + "  " + file + ":5:16: servers.pg1.pool_size: expected an integer of at least 1, found 0\n"
                + "  " + file + ":6:5: servers.pg1.max_concurency: unknown key 'max_concurency'; expected one of url,"
                + " user, password, pool_size, max_concurrency, layout, properties; did you mean 'max_concurrency'?\n"
                + "  " + file + ":9:17: defaults.lock_timeout: expected a duration (500ms, 30s, 5m, 1h, or ISO-8601 such"
                + " as PT1M30S) or 0, found 'soon'");
        assertThat(e.problems()).hasSize(4);
        assertThat(e.problems().get(1)).isEqualTo(new ConfigProblem(file, 5, 16, "servers.pg1.pool_size",
                "expected an integer of at least 1, found 0"));
    }

    @Test
    void aSingleProblemIsTheWholeMessage() {
        ConfigException e = files.failure(ConfigFiles.minimal("canary: 1\n"));

        assertThat(e.getMessage()).isEqualTo(dir.resolve("flotilla.yaml") + ":6:1: canary: unknown key 'canary';"
                + " expected one of scripts, version_table, history_table, servers, registry, defaults");
    }

    @Test
    void invalidYaml() {
        assertThat(files.problems("servers:\n  pg1: [\n")).containsExactly(
                "3:1 : not valid YAML: while parsing a flow node, expected the node content, but found '<stream end>'");
    }

    @Test
    void severalDocuments() {
        assertThat(files.problems(ConfigFiles.minimal("---\nscripts: x\n"))).containsExactly(
                "6:1 : not valid YAML: expected a single document in the stream, but found another document");
    }

    @Test
    void emptyFile() {
        assertThat(files.problems("# nothing yet\n")).containsExactly("0:0 : the file is empty; expected a mapping"
                + " of keys (scripts, version_table, history_table, servers, registry, defaults)");
    }

    @Test
    void topLevelNotAMapping() {
        assertThat(files.problems("- servers\n")).containsExactly("1:1 : expected a mapping of keys (scripts,"
                + " version_table, history_table, servers, registry, defaults) at the top level, found a list");
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> ConfigLoader.load(missing, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage(missing + ": the file does not exist; expected a flotilla.yaml (flotilla init writes one)");
    }

    @Test
    void unknownKeyWithASuggestion() {
        assertThat(files.problems(ConfigFiles.minimal("defaults:\n  retry: {attempts: 2, backof: 1s}\n")))
                .containsExactly("7:24 defaults.retry.backof: unknown key 'backof'; expected one of attempts, backoff;"
                        + " did you mean 'backoff'?");
    }

    @Test
    void unknownKeyListsTheValidKeys() {
        assertThat(files.problems("servers:\n  s: {url: \"jdbc:sqlite:${tenant.id}\"}\nregistry:\n  http: x\n"))
                .containsExactly("3:1 registry: expected exactly one source: file, sql or discover; found none",
                        "4:3 registry.http: unknown key 'http'; expected one of file, sql, discover");
    }

    @Test
    void duplicateKeyNamesBothLines() {
        assertThat(files.problems(pg("    pool_size: 2\n    user: a\n    pool_size: 3\n"))).containsExactly(
                "6:5 servers.pg1.pool_size: duplicate key 'pool_size' on lines 4 and 6; expected it once: keep one");
    }

    @Test
    void duplicateServerName() {
        assertThat(files.problems("""
                servers:
                  pg1: {url: "jdbc:postgresql://h/a"}
                  pg1: {url: "jdbc:postgresql://h/b"}
                registry: {file: tenants.yaml}
                """)).containsExactly(
                "3:3 servers.pg1: duplicate key 'pg1' on lines 2 and 3; expected it once: keep one");
    }

    @Test
    void missingRequiredKeys() {
        assertThat(files.problems("servers:\n  pg1: {user: app}\n")).containsExactly(
                "1:1 registry: required key is missing; expected a mapping of keys (file, sql, discover)",
                "2:3 servers.pg1.url: required key is missing; expected a JDBC URL starting with jdbc:postgresql:,"
                        + " jdbc:mysql:, jdbc:mariadb: or jdbc:sqlite:");
    }

    @Test
    void missingServers() {
        assertThat(files.problems("registry: {file: tenants.yaml}\n")).containsExactly(
                "1:1 servers: required key is missing; expected a mapping of server names to servers (each with url,"
                        + " user, ...)");
    }

    @Test
    void noServers() {
        assertThat(files.problems("servers: {}\nregistry: {file: tenants.yaml}\n")).containsExactly(
                "1:10 servers: expected at least one server, found none");
    }

    @Test
    void wrongShape() {
        assertThat(files.problems("""
                scripts: [a, b]
                servers:
                  pg1: jdbc:postgresql://h/app
                registry: {file: tenants.yaml}
                defaults: 8
                """)).containsExactly(
                "1:10 scripts: expected a folder, relative to this file's folder, found a list",
                "3:8 servers.pg1: expected a mapping of keys (url, user, password, pool_size, max_concurrency,"
                        + " layout, properties), found a value",
                "5:11 defaults: expected a mapping of keys (concurrency, per_server, retry, lock_wait, lock_timeout,"
                        + " statement_timeout, canary, max_failures), found a value");
    }

    @Test
    void emptyValue() {
        assertThat(files.problems(pg("    user:\n    password: ~\n"))).containsExactly(
                "4:10 servers.pg1.user: expected a user name, found nothing",
                "5:15 servers.pg1.password: expected a password, found nothing");
    }

    @Test
    void blankValue() {
        assertThat(files.problems(pg("    user: \"  \"\n"))).containsExactly(
                "4:11 servers.pg1.user: expected a value, found an empty string");
    }

    @Test
    void notAnInteger() {
        assertThat(files.problems(pg("    pool_size: 2.5\n    max_concurrency: four\n"))).containsExactly(
                "4:16 servers.pg1.pool_size: expected an integer of at least 1, found '2.5'",
                "5:22 servers.pg1.max_concurrency: expected an integer of at least 1, found 'four'");
    }

    @Test
    void integersOutOfRange() {
        assertThat(files.problems(ConfigFiles.minimal("""
                defaults:
                  concurrency: 0
                  per_server: -2
                  retry: {attempts: 0}
                  canary: -1
                  max_failures: -1
                """))).containsExactly(
                "7:16 defaults.concurrency: expected an integer of at least 1, found 0",
                "8:15 defaults.per_server: expected an integer of at least 1, found -2",
                "9:21 defaults.retry.attempts: expected an integer of at least 1, found 0",
                "10:11 defaults.canary: expected an integer of at least 0, found -1",
                "11:17 defaults.max_failures: expected an integer of at least 0, found -1");
    }

    @Test
    void malformedDurations() {
        assertThat(files.problems(ConfigFiles.minimal("""
                defaults:
                  lock_wait: 30
                  lock_timeout: -5s
                  statement_timeout: 1d
                """))).containsExactly(
                "7:14 defaults.lock_wait: expected a duration (500ms, 30s, 5m, 1h, or ISO-8601 such as PT1M30S) or 0,"
                        + " found '30' (a number needs a unit: 30s?)",
                "8:17 defaults.lock_timeout: expected a duration (500ms, 30s, 5m, 1h, or ISO-8601 such as PT1M30S)"
                        + " or 0, found '-5s'",
                "9:22 defaults.statement_timeout: expected a duration (500ms, 30s, 5m, 1h, or ISO-8601 such as"
                        + " PT1M30S) or 0, found '1d'");
    }

    @Test
    void negativeIsoDuration() {
        assertThat(files.problems(ConfigFiles.minimal("defaults: {lock_wait: PT-1S}\n"))).containsExactly(
                "6:23 defaults.lock_wait: expected a duration of 0 or more, found PT-1S");
    }

    @Test
    void urlOfAnotherDatabase() {
        assertThat(files.problems("servers:\n  o: {url: \"jdbc:oracle:thin:@h:1521/x\"}\nregistry: {file: t.yaml}\n"))
                .containsExactly("2:12 servers.o.url: expected a JDBC URL starting with jdbc:postgresql:, jdbc:mysql:,"
                        + " jdbc:mariadb: or jdbc:sqlite:, found 'jdbc:oracle:thin:@h:1521/x'");
    }

    @Test
    void urlFromAnEnvironmentVariableSaysWhereItCameFrom() {
        assertThat(files.problems("servers:\n  o: {url: \"${env:DB_URL}\"}\nregistry: {file: t.yaml}\n",
                Map.of("DB_URL", "mysql://h/x"))).containsExactly(
                "2:12 servers.o.url: expected a JDBC URL starting with jdbc:postgresql:, jdbc:mysql:, jdbc:mariadb:"
                        + " or jdbc:sqlite:, found 'mysql://h/x' (from '${env:DB_URL}')");
    }

    @Test
    void unknownLayout() {
        assertThat(files.problems(pg("    layout: schema-per-tenent\n"))).containsExactly(
                "4:13 servers.pg1.layout: expected schema-per-tenant, database-per-tenant or file-per-tenant, found"
                        + " 'schema-per-tenent'; did you mean 'schema-per-tenant'?");
    }

    @Test
    void layoutTheDatabaseCannotHave() {
        assertThat(files.problems("""
                servers:
                  pg1: {url: "jdbc:postgresql://h/app", layout: file-per-tenant}
                  my1: {url: "jdbc:mysql://h/", layout: schema-per-tenant}
                  lite: {url: "jdbc:sqlite:${tenant.id}.db", layout: database-per-tenant}
                registry: {file: tenants.yaml}
                """)).containsExactly(
                "2:49 servers.pg1.layout: expected schema-per-tenant or database-per-tenant for a PostgreSQL server,"
                        + " found file-per-tenant",
                "3:41 servers.my1.layout: expected database-per-tenant for a MySQL/MariaDB server, found"
                        + " schema-per-tenant",
                "4:54 servers.lite.layout: expected file-per-tenant for a SQLite server, found database-per-tenant");
    }

    @Test
    void fileLayoutWithoutATenantPlaceholder() {
        assertThat(files.problems("servers:\n  lite: {url: \"jdbc:sqlite:app.db\"}\nregistry: {file: t.yaml}\n"))
                .containsExactly("2:15 servers.lite.url: expected a ${tenant.…} placeholder in a file-per-tenant URL"
                        + " (e.g. jdbc:sqlite:data/${tenant.id}.db), found 'jdbc:sqlite:" + dir.resolve("app.db")
                        + "': every tenant would share one file");
    }

    @Test
    void moreConcurrencyThanConnections() {
        assertThat(files.problems(pg("    pool_size: 4\n    max_concurrency: 6\n"))).containsExactly(
                "5:22 servers.pg1.max_concurrency: expected at most pool_size (4), found 6: each tenant in flight"
                        + " holds a connection");
    }

    @Test
    void unsafeServerName() {
        assertThat(files.problems("servers:\n  \"pg 1\": {url: \"jdbc:postgresql://h/a\"}\nregistry: {file: t.yaml}\n"))
                .containsExactly("2:3 servers.pg 1: expected a server name (letters, digits, _ or -, starting with a"
                        + " letter or digit; at most 63), found 'pg 1'");
    }

    @Test
    void badTableNames() {
        assertThat(files.problems(ConfigFiles.minimal("version_table: \"v; drop\"\nhistory_table: h-1\n")))
                .containsExactly(
                        "6:16 version_table: expected a table name (a letter or _, then letters, digits or _; at most"
                                + " 63), found 'v; drop'",
                        "7:16 history_table: expected a table name (a letter or _, then letters, digits or _; at most"
                                + " 63), found 'h-1'");
    }

    @Test
    void sameTableForVersionsAndHistory() {
        assertThat(files.problems(ConfigFiles.minimal("version_table: log\nhistory_table: LOG\n"))).containsExactly(
                "7:16 history_table: expected a table other than version_table, found 'LOG' for both");
    }

    @Test
    void registryWithTwoSources() {
        assertThat(files.problems(pg("").replace("registry: {file: tenants.yaml}",
                "registry: {file: tenants.yaml, discover: {server: pg1, pattern: t_%}}"))).containsExactly(
                "4:1 registry: expected exactly one source: file, sql or discover; found file and discover");
    }

    @Test
    void registryOnAnUnknownServer() {
        assertThat(files.problems(pg("").replace("registry: {file: tenants.yaml}",
                "registry:\n  sql: {server: pg2, query: SELECT id FROM tenants}"))).containsExactly(
                "5:17 registry.sql.server: expected one of the servers (pg1), found 'pg2'; did you mean 'pg1'?");
    }

    @Test
    void discoveryOnASqliteServer() {
        assertThat(files.problems(ConfigFiles.minimal("").replace("file: tenants.yaml",
                "discover: {server: local, pattern: x}"))).containsExactly(
                "5:22 registry.discover.server: expected a server with schema-per-tenant or database-per-tenant"
                        + " layout, found 'local' (file-per-tenant): there is nothing to discover on it; list its"
                        + " tenants in a registry file");
    }

    @Test
    void registryFileOfAnUnknownFormat() {
        assertThat(files.problems(ConfigFiles.minimal("").replace("tenants.yaml", "tenants.txt"))).containsExactly(
                "5:9 registry.file: expected a file whose name ends in .yaml, .yml, .json or .csv, found 'tenants.txt'");
    }

    @Test
    void sqlRegistryProblems() {
        assertThat(files.problems(pg("").replace("registry: {file: tenants.yaml}", """
                registry:
                  sql:
                    server: pg1
                    columns: {id: tenant_id, region: region, schema: ""}""" + "\n"))).containsExactly(
                "5:3 registry.sql.query: required key is missing; expected a SQL query returning one row per tenant",
                "7:30 registry.sql.columns.region: unknown key 'region'; expected one of id, server, schema, database,"
                        + " tags, state",
                "7:54 registry.sql.columns.schema: expected a value, found an empty string");
    }

    @Test
    void missingEnvironmentVariableNamesTheVariableAndTheKey() {
        assertThat(files.problems(pg("    password: ${env:PG_PASSWORD}\n    user: ${env:PG_USER}\n"),
                Map.of("PG_USER", "app"))).containsExactly(
                "4:15 servers.pg1.password: environment variable PG_PASSWORD is not set; expected it set, or a default"
                        + " as in ${env:PG_PASSWORD:-default}");
    }

    @Test
    void unknownPlaceholderPrefix() {
        assertThat(files.problems(ConfigFiles.minimal("scripts: ${vault:db/migrations}\n"))).containsExactly(
                "6:10 scripts: found ${vault:db/migrations}; expected ${env:NAME} or ${env:NAME:-default}, or $${ for"
                        + " a literal ${");
    }

    @Test
    void unknownPlaceholderInAUrlListsTheTemplates() {
        assertThat(files.problems("servers:\n  s: {url: \"jdbc:sqlite:${tenant.id}${id}\"}\nregistry: {file: t.yaml}\n"))
                .containsExactly("2:12 servers.s.url: found ${id}; expected ${env:NAME}, ${env:NAME:-default},"
                        + " ${tenant.FIELD} or ${server.FIELD}, or $${ for a literal ${");
    }

    @Test
    void malformedPlaceholders() {
        assertThat(files.problems(ConfigFiles.minimal("""
                scripts: ${env:1DIR}
                version_table: ${env:TABLE
                defaults: {lock_wait: "${file:}"}
                """))).containsExactly(
                "6:10 scripts: found ${env:1DIR}; expected ${env:NAME} or ${env:NAME:-default}, NAME being letters,"
                        + " digits and _ (not starting with a digit)",
                "7:16 version_table: found '${' without a closing '}' at character 1; expected ${…} placeholders"
                        + " closed, or $${ for a literal ${",
                "8:23 defaults.lock_wait: found ${file:}; expected ${env:…} or a plain value here: ${file:…} reads a"
                        + " secret and is accepted only in password");
    }

    @Test
    void tenantPlaceholderOutsideAUrl() {
        assertThat(files.problems(pg("    user: ${tenant.id}\n"))).containsExactly(
                "4:11 servers.pg1.user: found ${tenant.id}, which is filled in per tenant; expected it only in a"
                        + " server's url");
    }

    @Test
    void malformedTenantPlaceholder() {
        assertThat(files.problems("servers:\n  s: {url: \"jdbc:sqlite:${tenant.}\"}\nregistry: {file: t.yaml}\n"))
                .containsExactly("2:12 servers.s.url: found ${tenant.}; expected ${tenant.FIELD} or ${server.FIELD},"
                        + " FIELD being letters, digits and _");
    }

    @Test
    void filePlaceholderOutsideAPassword() {
        files.write("user.txt", "app");

        assertThat(files.problems(pg("    user: ${file:user.txt}\n"))).containsExactly(
                "4:11 servers.pg1.user: found ${file:user.txt}; expected ${env:…} or a plain value here: ${file:…}"
                        + " reads a secret and is accepted only in password");
    }

    @Test
    void missingSecretFile() {
        assertThat(files.problems(pg("    password: ${file:secrets/pg}\n"))).containsExactly(
                "4:15 servers.pg1.password: secret file " + dir.resolve("secrets/pg") + " does not exist; expected a"
                        + " file holding the secret");
    }

    @Test
    void emptySecretFile() {
        files.write("secrets/pg", " \n");

        assertThat(files.problems(pg("    password: ${file:secrets/pg}\n"))).containsExactly(
                "4:15 servers.pg1.password: secret file " + dir.resolve("secrets/pg") + " is empty; expected the"
                        + " secret in it");
    }

    @Test
    void secretFileThatIsAFolder() throws Exception {
        Files.createDirectories(dir.resolve("secrets"));

        assertThat(files.problems(pg("    password: ${file:secrets}\n"))).containsExactly(
                "4:15 servers.pg1.password: secret file " + dir.resolve("secrets") + " is a folder; expected a file"
                        + " holding the secret");
    }

    @Test
    void problemsInEveryServerAreAllReported() {
        assertThat(files.problems("""
                servers:
                  a: {url: "jdbc:postgresql://h/a", pool_size: 0}
                  b: {url: "jdbc:mysql://h/", layout: schema-per-tenant}
                  c: {url: "jdbc:sqlite:${tenant.id}", password: "${env:C_PASSWORD}"}
                registry: {file: tenants.yaml}
                """)).containsExactly(
                "2:48 servers.a.pool_size: expected an integer of at least 1, found 0",
                "3:39 servers.b.layout: expected database-per-tenant for a MySQL/MariaDB server, found schema-per-tenant",
                "4:50 servers.c.password: environment variable C_PASSWORD is not set; expected it set, or a default as"
                        + " in ${env:C_PASSWORD:-default}");
    }
}
