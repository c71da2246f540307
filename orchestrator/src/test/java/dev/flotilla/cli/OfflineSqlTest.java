package dev.flotilla.cli;

import dev.flotilla.cli.TestCli.Result;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.flotilla.cli.SampleProject.R1;
import static dev.flotilla.cli.SampleProject.R2;
import static dev.flotilla.cli.SampleProject.R3;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code --sql}: the offline script needs only a dialect, and does what the online run does. */
class OfflineSqlTest {

    private static final String SCHEMA_QUERY = "SELECT type || ' ' || name || ': ' || COALESCE(sql, '')"
            + " FROM sqlite_master ORDER BY type, name";

    @TempDir
    Path dir;

    private TestCli cli;

    @BeforeEach
    void sampleProject() {
        new SampleProject(dir).create();
        cli = new TestCli(dir).env("USER", "tester");
    }

    @Test
    void theSqliteScriptRunBySqlite3BuildsWhatAnOnlineUpgradeBuilds() throws Exception {
        Assumptions.assumeTrue(onPath("sqlite3"), "the sqlite3 client is not on PATH");
        String script = cli.ok("--dialect", "sqlite", "upgrade", "--sql");
        sqlite3(dir.resolve("offline.db"), script);
        cli.ok("--url", "jdbc:sqlite:online.db", "upgrade");

        String offline = "jdbc:sqlite:" + dir.resolve("offline.db");
        String online = "jdbc:sqlite:" + dir.resolve("online.db");
        assertThat(SampleProject.column(offline, SCHEMA_QUERY)).isEqualTo(SampleProject.column(online, SCHEMA_QUERY))
                .anyMatch(row -> row.startsWith("table account: CREATE TABLE account"));
        String history = "SELECT revision || ' ' || direction || ' ' || outcome || ' ' || statements_total || ' '"
                + " || applied_by FROM flotilla_history ORDER BY id";
        assertThat(SampleProject.column(offline, history)).isEqualTo(SampleProject.column(online, history))
                .hasSize(3);
        assertThat(SampleProject.column(offline, "SELECT version_num FROM flotilla_version")).containsExactly(R3);
        assertThat(cli.ok("--url", "jdbc:sqlite:offline.db", "current")).isEqualTo(R3 + " (head)\n");
    }

    @Test
    void theUrlGivesTheDialectAndIsNotConnectedTo() {
        String script = cli.ok("--url", "jdbc:sqlite:data/never.db", "upgrade", R1 + ":" + R2, "--sql");
        assertThat(script).startsWith("-- Flotilla offline script: upgrade " + R1 + ":" + R2 + " (sqlite)\n")
                .contains("-- Running upgrade " + R1 + " -> " + R2 + ", create project table\n")
                .doesNotContain("CREATE TABLE account");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void downgradeNeedsARangeAndStampTakesOneForItsStart() {
        Result downgrade = cli.run("--dialect", "sqlite", "downgrade", "-1", "--sql");
        assertThat(downgrade.exitCode()).isEqualTo(2);
        assertThat(downgrade.err()).startsWith("error: Offline downgrade needs FROM:TO");
        assertThat(cli.ok("--dialect", "sqlite", "downgrade", R3 + ":" + R2, "--sql"))
                .contains("ALTER TABLE account DROP COLUMN display_name;\n",
                        "UPDATE \"flotilla_version\" SET version_num = '" + R2 + "' WHERE version_num = '" + R3 + "';\n");
        assertThat(cli.ok("--dialect", "sqlite", "stamp", R1 + ":" + R2, "--sql"))
                .contains("UPDATE \"flotilla_version\" SET version_num = '" + R2 + "' WHERE version_num = '" + R1 + "';\n");
    }

    @Test
    void sqlNeedsADialectThatAgreesWithTheUrl() {
        Result none = cli.run("upgrade", "--sql");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).isEqualTo("error: --sql needs a dialect: give --dialect postgresql|mysql|sqlite, or --url"
                + " (it is not connected to)\n");
        Result contradiction = cli.run("--url", "jdbc:sqlite:x.db", "--dialect", "postgresql", "upgrade", "--sql");
        assertThat(contradiction.exitCode()).isEqualTo(2);
        assertThat(contradiction.err()).isEqualTo("error: --dialect postgresql contradicts --url, which is sqlite\n");
        Result unknown = cli.run("--dialect", "oracle", "upgrade", "--sql");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("error: Unknown dialect 'oracle'");
        assertThat(cli.ok("--url", "jdbc:mariadb://db.example/app", "--dialect", "mysql", "upgrade", "--sql"))
                .startsWith("-- Flotilla offline script: upgrade heads (mysql)\n");
    }

    private static boolean onPath(String command) {
        try {
            return new ProcessBuilder(command, "-version").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void sqlite3(Path database, String script) throws Exception {
        Process process = new ProcessBuilder("sqlite3", "-bail", database.toString()).redirectErrorStream(true).start();
        process.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("sqlite3 output: %s", output).isZero();
        assertThat(Files.exists(database)).isTrue();
        assertThat(List.of(output)).containsExactly("");
    }
}
