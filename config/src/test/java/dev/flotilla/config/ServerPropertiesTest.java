package dev.flotilla.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** servers.<name>.properties: the values of ${server.<name>} in a server's url. */
class ServerPropertiesTest {

    @TempDir
    Path dir;
    ConfigFiles files;

    @BeforeEach
    void setUp() {
        files = new ConfigFiles(dir);
    }

    private static String server(String keys) {
        return "servers:\n  pg1:\n    url: jdbc:postgresql://${server.host}:${server.port}/${tenant.database}\n" + keys
                + "registry: {file: tenants.yaml}\n";
    }

    @Test
    void propertiesAreReadInOrderWithTheEnvironment() {
        ServerConfig pg1 = files.load(server("    layout: database-per-tenant\n"
                + "    properties: {host: \"${env:PG_HOST:-db1.internal}\", port: 5432}\n"), Map.of("PG_HOST", "db2")).server("pg1")
                .orElseThrow();
        assertThat(pg1.properties()).containsExactly(Map.entry("host", "db2"), Map.entry("port", "5432"));
        assertThat(pg1.url()).isEqualTo("jdbc:postgresql://${server.host}:${server.port}/${tenant.database}");
        assertThat(files.load(server("    layout: database-per-tenant\n    properties: {host: a, port: 1}\n"),
                Map.of("FLOTILLA_SERVERS_PG1_PROPERTIES_PORT", "6432")).server("pg1").orElseThrow().properties())
                .containsEntry("port", "6432");
    }

    @Test
    void badNamesAndShapesAreErrorsAtTheirLines() {
        assertThat(files.problems(server("    layout: database-per-tenant\n    properties: {host: a, port: 1, name: x, 2x: y}\n")))
                .containsExactly(
                        "5:36 servers.pg1.properties.name: expected a property name of letters, digits and _ (not starting"
                                + " with a digit) other than 'name', found 'name'",
                        "5:45 servers.pg1.properties.2x: expected a property name of letters, digits and _ (not starting"
                                + " with a digit) other than 'name', found '2x'");
        assertThat(files.problems(server("    layout: database-per-tenant\n    properties: [host]\n"))).containsExactly(
                "5:17 servers.pg1.properties: expected a mapping of names (letters, digits, _) to values, for"
                        + " ${server.<name>} in url, found a list");
    }
}
