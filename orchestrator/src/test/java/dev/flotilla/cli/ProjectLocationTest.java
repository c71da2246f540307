package dev.flotilla.cli;

import dev.flotilla.cli.TestCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectLocationTest {

    /** The keys a config must have besides scripts: (the config module reads the whole file). */
    static final String SERVERS = "servers:\n  local:\n    url: jdbc:sqlite:data/${tenant.id}.db\nregistry:\n  file: tenants.yaml\n";


    @TempDir
    Path dir;

    @Test
    void withoutConfigOrMigrationsFolderTheCommandSaysHowToStart() {
        Result result = new TestCli(dir).run("heads");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("error: no flotilla.yaml in " + dir
                + "; run `flotilla init` or pass --scripts DIR\n");
    }

    @Test
    void withoutConfigAMigrationsFolderInTheWorkingDirectoryIsUsed() throws Exception {
        Files.createDirectories(dir.resolve("migrations/versions"));
        TestCli cli = new TestCli(dir);
        assertThat(cli.ok("revision", "-m", "one", "--rev-id", "aaa1"))
                .isEqualTo(dir.resolve("migrations/versions/aaa1_one.sql") + "\n");
    }

    @Test
    void theScriptsKeyIsRelativeToTheConfigFilesFolder() throws Exception {
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve("db/migrations/versions"));
        Files.writeString(project.resolve("flotilla.yaml"), SERVERS + "scripts: db/migrations\n");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        TestCli cli = new TestCli(elsewhere);
        assertThat(cli.ok("-c", "../project/flotilla.yaml", "revision", "-m", "one", "--rev-id", "aaa1"))
                .isEqualTo(project.resolve("db/migrations/versions/aaa1_one.sql") + "\n");
        assertThat(cli.ok("heads", "--config", project.resolve("flotilla.yaml").toString())).isEqualTo("aaa1 (head)\n");
        assertThat(new TestCli(elsewhere).env("FLOTILLA_CONFIG", "../project/flotilla.yaml").ok("heads"))
                .isEqualTo("aaa1 (head)\n");
    }

    @Test
    void aConfigWithoutScriptsKeyMeansMigrations() throws Exception {
        Files.createDirectories(dir.resolve("migrations/versions"));
        Files.writeString(dir.resolve("flotilla.yaml"), "# no scripts: key\n" + SERVERS);
        TestCli cli = new TestCli(dir);
        cli.ok("revision", "-m", "one", "--rev-id", "aaa1");
        assertThat(cli.ok("heads")).isEqualTo("aaa1 (head)\n");
    }

    @Test
    void scriptsOptionOverridesTheConfigBeforeOrAfterTheCommand() throws Exception {
        TestCli cli = new TestCli(dir);
        cli.ok("init", "-q");
        cli.ok("revision", "-m", "in config folder", "--rev-id", "aaa1");
        Files.createDirectories(dir.resolve("other/versions"));
        cli.ok("--scripts", "other", "revision", "-m", "in other folder", "--rev-id", "bbb2");
        assertThat(cli.ok("heads", "--scripts", "other")).isEqualTo("bbb2 (head)\n");
        assertThat(cli.ok("heads")).isEqualTo("aaa1 (head)\n");
    }

    @Test
    void aMissingConfigFileIsAnError() {
        Result result = new TestCli(dir).run("heads", "-c", "nope.yaml");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: config file " + dir.resolve("nope.yaml")
                + " (from --config) does not exist\n");
        Result fromEnv = new TestCli(dir).env("FLOTILLA_CONFIG", "/no/such/flotilla.yaml").run("heads");
        assertThat(fromEnv.exitCode()).isEqualTo(2);
        assertThat(fromEnv.err()).isEqualTo("error: config file /no/such/flotilla.yaml (from $FLOTILLA_CONFIG)"
                + " does not exist\n");
    }

    @Test
    void aYamlSyntaxErrorNamesTheFileAndLine() throws Exception {
        Path config = Files.writeString(dir.resolve("flotilla.yaml"), "scripts: migrations\nservers:\n  a: [1, 2\n");
        Result result = new TestCli(dir).run("history");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: " + config + ":4:1: not valid YAML: ");
    }

    @Test
    void aScriptsKeyThatIsNotAPathNamesItsLine() throws Exception {
        Path config = Files.writeString(dir.resolve("flotilla.yaml"), "version_table: v\nscripts:\n  - a\n" + SERVERS);
        Result result = new TestCli(dir).run("heads");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: " + config
                + ":3:3: scripts: expected a folder, relative to this file's folder, found a list\n");
    }

    @Test
    void anEmptyScriptsKeyIsAnError() throws Exception {
        Path config = Files.writeString(dir.resolve("flotilla.yaml"), "scripts: \"\"\n" + SERVERS);
        Result result = new TestCli(dir).run("heads");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: " + config + ":1:10: scripts: expected a path, found an empty string\n");
    }

    @Test
    void aScriptsFolderThatDoesNotExistNamesWhereItCameFrom() throws Exception {
        Path config = Files.writeString(dir.resolve("flotilla.yaml"), "scripts: db\n" + SERVERS);
        Result result = new TestCli(dir).run("heads");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: migrations folder " + dir.resolve("db") + " (from scripts: in "
                + config + ") does not exist; run `flotilla init` or pass --scripts DIR\n");
    }
}
