package dev.flotilla.cli;

import dev.flotilla.cli.TestCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InitCommandTest {

    @TempDir
    Path dir;

    @Test
    void initScaffoldsTheProjectAndSaysWhatItCreated() {
        Result result = new TestCli(dir).run("init");
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo("""
                  Creating directory %1$s/migrations ...  done
                  Creating directory %1$s/migrations/versions ...  done
                  Generating %1$s/migrations/versions/.gitkeep ...  done
                  Generating %1$s/flotilla.yaml ...  done
                  Generating %1$s/tenants.yaml ...  done
                  Please edit the servers in %1$s/flotilla.yaml and the tenants in %1$s/tenants.yaml,\
                 then create a first revision: flotilla revision -m "create tables"
                """.formatted(dir));
        assertThat(dir.resolve("migrations/versions/.gitkeep")).isEmptyFile();
    }

    @Test
    void initIntoANewFolderCreatesItFirst() {
        Result result = new TestCli(dir).run("init", "proj/app");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("  Creating directory " + dir.resolve("proj/app") + " ...  done\n"
                + "  Creating directory " + dir.resolve("proj/app/migrations") + " ...  done\n");
        assertThat(dir.resolve("proj/app/flotilla.yaml")).isRegularFile();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theConfigFollowsTheContractAndNamesTheSqliteServerAndTheTenantsFile() throws Exception {
        new TestCli(dir).ok("init");
        Load load = new Load(LoadSettings.builder().build());
        Map<String, Object> config = (Map<String, Object>) load.loadFromString(Files.readString(dir.resolve("flotilla.yaml")));
        assertThat(config).containsEntry("scripts", "migrations")
                .containsEntry("version_table", "flotilla_version")
                .containsEntry("servers", Map.of("local", Map.of("url", "jdbc:sqlite:data/${tenant.id}.db")))
                .containsEntry("registry", Map.of("file", "tenants.yaml"));
        Map<String, Object> tenants = (Map<String, Object>) load.loadFromString(Files.readString(dir.resolve("tenants.yaml")));
        assertThat((List<Map<String, Object>>) tenants.get("tenants"))
                .extracting(t -> t.get("id"), t -> t.get("server"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("acme", "local"),
                        org.assertj.core.groups.Tuple.tuple("globex", "local"));
        assertThat(Files.readString(dir.resolve("flotilla.yaml"))).contains("# ");
    }

    @Test
    void theConfigIsTheConfigModulesExampleAndLoadsWithItsTenants() throws Exception {
        new TestCli(dir).ok("init");
        assertThat(Files.readString(dir.resolve("flotilla.yaml"))).isEqualTo(dev.flotilla.config.ConfigExample.TEXT);
        dev.flotilla.config.ProjectConfig config =
                dev.flotilla.config.ConfigLoader.load(dir.resolve("flotilla.yaml"), Map.of());
        assertThat(config.scripts()).isEqualTo(dir.resolve("migrations"));
        assertThat(new TestCli(dir).ok("tenants", "list", "--format", "csv"))
                .isEqualTo("id,server,state,location,tags\nacme,local,active,data/acme.db,canary\nglobex,local,active,data/globex.db,\n");
    }

    @Test
    void aFreshProjectHasNoRevisionsAndNoProblems() {
        TestCli cli = new TestCli(dir);
        cli.ok("init");
        assertThat(cli.ok("heads")).isEmpty();
        assertThat(cli.ok("history")).isEmpty();
        assertThat(cli.ok("check")).isEqualTo("No problems found: 0 revisions, heads: (none)\n");
    }

    @Test
    void initRefusesAFolderThatHasAConfigAndChangesNothing() throws Exception {
        Files.writeString(dir.resolve("flotilla.yaml"), "scripts: db\n");
        Result result = new TestCli(dir).run("init");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("error: " + dir.resolve("flotilla.yaml") + " already exists; init writes"
                + " a new project and overwrites nothing. Choose another folder: flotilla init DIR\n");
        assertThat(Files.readString(dir.resolve("flotilla.yaml"))).isEqualTo("scripts: db\n");
        assertThat(dir.resolve("migrations")).doesNotExist();
    }

    @Test
    void initRefusesAFolderThatHasMigrations() throws Exception {
        Files.createDirectories(dir.resolve("migrations"));
        Result result = new TestCli(dir).run("init", ".");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: " + dir.resolve("migrations") + " already exists;");
        assertThat(dir.resolve("flotilla.yaml")).doesNotExist();
    }

    @Test
    void quietInitPrintsNothing() {
        Result result = new TestCli(dir).run("-q", "init");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(dir.resolve("tenants.yaml")).isRegularFile();
    }

    @Test
    void initDoesNotTakeScriptsOrConfigOptions() {
        Result result = new TestCli(dir).run("init", "--scripts", "db");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: init writes DIR/flotilla.yaml and DIR/migrations;"
                + " --config and --scripts do not apply to it\n");
        assertThat(dir.resolve("flotilla.yaml")).doesNotExist();
    }
}
