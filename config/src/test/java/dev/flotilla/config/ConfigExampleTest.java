package dev.flotilla.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigExampleTest {

    @TempDir
    Path dir;

    @Test
    void theExampleLoadsWithNoEnvironmentAndHoldsTheDefaults() {
        Path file = new ConfigFiles(dir).write("flotilla.yaml", ConfigExample.TEXT);

        ProjectConfig config = ConfigLoader.load(file, Map.of());

        assertThat(config.scripts()).isEqualTo(dir.resolve("migrations"));
        assertThat(config.versionTable()).isEqualTo(ProjectConfig.DEFAULT_VERSION_TABLE);
        assertThat(config.servers().keySet()).containsExactly("local");
        assertThat(config.server("local").orElseThrow().url()).isEqualTo("jdbc:sqlite:" + dir.resolve("data") + "/${tenant.id}.db");
        assertThat(config.registry()).isEqualTo(new RegistryConfig.File(dir.resolve("tenants.yaml")));
        assertThat(config.defaults()).isEqualTo(RunDefaults.DEFAULTS);
    }

    @Test
    void theExampleWithItsCommentedKeysSwitchedOnLoadsToTheDefaultsItShows() {
        String uncommented = ConfigExample.TEXT
                .replace("# history_table:", "history_table:")
                .replace("# defaults:", "defaults:")
                .replaceAll("(?m)^#   ", "  ");
        Path file = new ConfigFiles(dir).write("flotilla.yaml", uncommented);

        ProjectConfig config = ConfigLoader.load(file, Map.of());

        assertThat(config.historyTable()).isEqualTo(ProjectConfig.DEFAULT_HISTORY_TABLE);
        assertThat(config.defaults()).isEqualTo(RunDefaults.DEFAULTS);
    }

    @Test
    void theExampleDocumentsEveryTopLevelKey() {
        for (String key : Schema.ROOT.childNames()) {
            assertThat(ConfigExample.TEXT).contains(key + ":");
        }
    }
}
