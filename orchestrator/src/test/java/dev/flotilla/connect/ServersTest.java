package dev.flotilla.connect;

import dev.flotilla.config.ConfigLoader;
import dev.flotilla.config.ProjectConfig;
import dev.flotilla.registry.Registry;
import dev.flotilla.registry.RegistryException;
import dev.flotilla.registry.Tenant;
import dev.flotilla.registry.TenantEntry;
import dev.flotilla.registry.Origin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A server's properties from flotilla.yaml fill ${server.<name>} in its URL template. */
class ServersTest {

    @TempDir
    Path dir;

    private ProjectConfig load(String properties) throws Exception {
        Files.writeString(dir.resolve("flotilla.yaml"), """
                servers:
                  my1:
                    url: jdbc:mariadb://${server.host}:${server.port}/${tenant.database}
                %sregistry: {file: tenants.yaml}
                """.formatted(properties));
        return ConfigLoader.load(dir.resolve("flotilla.yaml"), Map.of("DB_HOST", "db2.internal"));
    }

    @Test
    void propertiesFillTheTemplate() throws Exception {
        ProjectConfig config = load("    properties: {host: \"${env:DB_HOST}\", port: 3307}\n");
        Registry registry = Registry.of("test", List.of(new TenantEntry(Tenant.of("acme", "my1", "t_acme", null),
                new Origin("test", 1))), Servers.specs(config));
        assertThat(registry.url(registry.tenant("acme")).value()).isEqualTo("jdbc:mariadb://db2.internal:3307/t_acme");
    }

    @Test
    void aPlaceholderWithoutItsPropertyIsRefusedByTheRegistry() throws Exception {
        ProjectConfig config = load("    properties: {host: h}\n");
        assertThatThrownBy(() -> Servers.specs(config)).isInstanceOf(RegistryException.class)
                .hasMessage("server 'my1' URL template uses ${server.port}, which the server does not have; its variables"
                        + " are ${server.name}, ${server.host}");
    }
}
