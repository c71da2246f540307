package dev.flotilla.journal;

import dev.flotilla.config.ConfigLoader;
import dev.flotilla.config.ProjectConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JournalStoresTest {

    @TempDir
    Path dir;

    @Test
    void aFileRegistryKeepsJournalsInDotFlotillaRunsNextToTheConfig() throws Exception {
        Path config = write("""
                servers:
                  local:
                    url: jdbc:sqlite:data/${tenant.id}.db
                registry:
                  file: tenants.yaml
                """);

        JournalStore store = JournalStores.forProject(ConfigLoader.load(config, Map.of()), config, server -> {
            throw new AssertionError("a file registry needs no server");
        });

        assertThat(store).isInstanceOf(FileJournalStore.class);
        assertThat(store.location()).isEqualTo(dir.resolve(".flotilla/runs").toString());
    }

    @Test
    void aSqlRegistryKeepsJournalsInFlotillaRunsOnItsServer() throws Exception {
        Path config = write("""
                servers:
                  control:
                    url: jdbc:postgresql://127.0.0.1:5432/control
                  tenants:
                    url: jdbc:sqlite:data/${tenant.id}.db
                registry:
                  sql: {server: control, query: "SELECT id FROM tenants"}
                """);
        List<String> asked = new ArrayList<>();
        ProjectConfig project = ConfigLoader.load(config, Map.of());

        JournalStore store = JournalStores.forProject(project, config, server -> {
            asked.add(server);
            // The store dials nothing itself: whatever connections it is given are the control database.
            return () -> DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("control.db"));
        });

        assertThat(store.location()).isEqualTo("table flotilla_runs on server control");
        assertThat(asked).containsExactly("control");
        assertThat(store.runs()).isEmpty();
    }

    private Path write(String yaml) throws Exception {
        Path config = dir.resolve("flotilla.yaml");
        Files.writeString(config, yaml);
        return config;
    }
}
