package dev.flotilla.connect;

import dev.flotilla.FleetProject;
import dev.flotilla.config.ConfigLoader;
import dev.flotilla.config.ProjectConfig;
import dev.flotilla.registry.Registry;
import dev.flotilla.registry.Tenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TenantConnectionsTest {

    @TempDir
    Path dir;

    @Test
    void fileTenantsGetAPoolEachWithinTheBoundAndTheLeastRecentlyUsedIsClosed() throws Exception {
        FleetProject.create(dir, FleetProject.CONFIG, FleetProject.TENANTS.replace(", state: suspended", ""));
        ProjectConfig config = ConfigLoader.load(dir.resolve("flotilla.yaml"), Map.of());
        Registry registry = Registry.load(RegistrySources.open(config, null), Servers.specs(config));
        Files.createDirectories(dir.resolve("data"));
        PoolSettings settings = PoolSettings.DEFAULTS.withMaxCachedPools(2).withLeakDetection(Duration.ofSeconds(2));
        try (TenantConnections connections = new TenantConnections(config, settings)) {
            for (Tenant tenant : registry.tenants()) {
                try (Connection connection = connections.connect(tenant, registry.url(tenant))) {
                    assertThat(connection.isValid(1)).isTrue();
                    assertThat(connections.activeConnections()).isEqualTo(1);
                }
            }
            Tenant acme = registry.tenant("acme");
            try (Connection again = connections.connect(acme, registry.url(acme))) {
                assertThat(again.isValid(1)).isTrue();
            }
            assertThat(connections.poolsCreated()).isEqualTo(4); // acme's pool was evicted, then opened again
            assertThat(connections.openPools()).isEqualTo(2);
            assertThat(connections.activeConnections()).isZero();
        }
        assertThat(dir.resolve("data/acme.db")).isRegularFile();
    }

    @Test
    void aPoolIsNeverClosedUnderABorrowedConnectionAndALimitClosesPoolsOnReturn() throws Exception {
        FleetProject.create(dir, FleetProject.CONFIG, FleetProject.TENANTS.replace(", state: suspended", ""));
        ProjectConfig config = ConfigLoader.load(dir.resolve("flotilla.yaml"), Map.of());
        Registry registry = Registry.load(RegistrySources.open(config, null), Servers.specs(config));
        Files.createDirectories(dir.resolve("data"));
        Tenant acme = registry.tenant("acme");
        Tenant globex = registry.tenant("globex");
        Tenant initech = registry.tenant("initech");
        try (TenantConnections connections = new TenantConnections(config, PoolSettings.DEFAULTS.withMaxCachedPools(1))) {
            try (Connection first = connections.connect(acme, registry.url(acme));
                 Connection second = connections.connect(globex, registry.url(globex))) {
                assertThat(connections.openPools()).isEqualTo(2); // over the bound while both are out
                assertThat(first.isValid(1)).isTrue();
                assertThat(second.isValid(1)).isTrue();
                assertThat(connections.activeConnections()).isEqualTo(2);
            }
            try (Connection third = connections.connect(initech, registry.url(initech))) {
                assertThat(connections.openPools()).isEqualTo(1); // both idle pools made room
                assertThat(third.isValid(1)).isTrue();
            }
            connections.limit("files", 1);
            try (Connection limited = connections.connect(acme, registry.url(acme))) {
                assertThat(limited.isValid(1)).isTrue();
            }
            assertThat(connections.openPools()).isZero(); // closed as its connection came back
            assertThat(connections.activeConnections()).isZero();
        }
    }

    @Test
    void theAdminUrlDropsTheDatabase() {
        assertThat(AdminUrls.withoutDatabase("jdbc:mysql://h:3306/acme?useSSL=false")).isEqualTo("jdbc:mysql://h:3306/?useSSL=false");
        assertThat(AdminUrls.withoutDatabase("jdbc:mysql://h:3306/acme")).isEqualTo("jdbc:mysql://h:3306/");
        assertThat(AdminUrls.withoutDatabase("jdbc:postgresql://h/acme?x=1")).isEqualTo("jdbc:postgresql://h/postgres?x=1");
    }
}
