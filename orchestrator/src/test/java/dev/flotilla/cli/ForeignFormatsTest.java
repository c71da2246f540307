package dev.flotilla.cli;

import dev.flotilla.cli.TestCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A Flyway or up/down folder is read as it is: inspected, checked and migrated like Flotilla's own. */
class ForeignFormatsTest {

    @TempDir
    Path dir;

    @Test
    void aFlywayFolderIsInspectedCheckedAndMigratedInNumericVersionOrder() throws Exception {
        Path flyway = Files.createDirectories(dir.resolve("sql"));
        Files.writeString(flyway.resolve("V1__create_account.sql"), "CREATE TABLE account (id INTEGER PRIMARY KEY);\n");
        Files.writeString(flyway.resolve("V1_9__add_name.sql"), "ALTER TABLE account ADD COLUMN name TEXT;\n");
        Files.writeString(flyway.resolve("V1_10__add_email.sql"), "ALTER TABLE account ADD COLUMN email TEXT;\n");
        TestCli cli = new TestCli(dir);

        assertThat(cli.ok("--scripts", "sql", "heads")).isEqualTo("1.10 (head)\n");
        assertThat(cli.ok("--scripts", "sql", "history")).isEqualTo("""
                1.9 -> 1.10 (head), add email
                1 -> 1.9, add name
                <base> -> 1, create account
                """);
        assertThat(cli.ok("--scripts", "sql", "check")).isEqualTo("No problems found: 3 revisions, heads: 1.10\n");
        String url = "jdbc:sqlite:" + dir.resolve("app.db");
        assertThat(cli.ok("--scripts", "sql", "--url", url, "upgrade"))
                .startsWith("Running upgrade  -> 1, create account\nRunning upgrade 1 -> 1.9, add name\n"
                        + "Running upgrade 1.9 -> 1.10, add email\nUpgraded <base> -> 1.10 (3 steps, ");
        assertThat(cli.ok("--scripts", "sql", "--url", url, "current")).isEqualTo("1.10 (head)\n");
    }

    @Test
    void aMalformedFlywayNameIsACheckProblemNamingTheFile() throws Exception {
        Path flyway = Files.createDirectories(dir.resolve("sql"));
        Files.writeString(flyway.resolve("V1__create_account.sql"), "CREATE TABLE account (id INTEGER);\n");
        Files.writeString(flyway.resolve("V2_add_name.sql"), "SELECT 1;\n");
        TestCli cli = new TestCli(dir);

        Result result = cli.run("--scripts", "sql", "check");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).startsWith(flyway.resolve("V2_add_name.sql").toString());
    }
}
