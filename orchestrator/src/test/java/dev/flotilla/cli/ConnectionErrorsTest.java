package dev.flotilla.cli;

import dev.flotilla.cli.TestCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connecting in single-database mode: a refused connection exits 1 naming the URL, a malformed URL exits
 * 2, and no password ever reaches stdout or stderr, with or without {@code -v}. Port 1 on the loopback
 * interface refuses at once.
 */
class ConnectionErrorsTest {

    @TempDir
    Path dir;

    private TestCli cli;

    @BeforeEach
    void sampleProject() {
        new SampleProject(dir).create();
        cli = new TestCli(dir).env("PW", "secret");
    }

    @Test
    void aPasswordInAPostgresUrlIsNeverPrinted() {
        for (String verbose : new String[] {"-q", "-v"}) {
            Result result = cli.run(verbose, "--url", "jdbc:postgresql://127.0.0.1:1/app?user=app&password=secret",
                    "upgrade");
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).startsWith("error: cannot connect to"
                    + " jdbc:postgresql://127.0.0.1:1/app?user=app&password=<masked>: ");
            assertThat(result.out() + result.err()).doesNotContain("secret");
        }
    }

    @Test
    void aPasswordInAMysqlUrlsUserInfoIsNeverPrinted() {
        Result result = cli.run("-v", "--url", "jdbc:mysql://app:secret@127.0.0.1:1/app", "current");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: cannot connect to jdbc:mysql://app:<masked>@127.0.0.1:1/app: ");
        assertThat(result.out() + result.err()).doesNotContain("secret");
    }

    @Test
    void aPasswordFromTheEnvironmentIsNeverPrintedAndMariadbUrlsGoThroughConnectorJ() {
        Result result = cli.run("-v", "--url", "jdbc:mariadb://127.0.0.1:1/app", "--user", "app", "--password-env", "PW",
                "upgrade");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: cannot connect to jdbc:mariadb://127.0.0.1:1/app: ");
        assertThat(result.out() + result.err()).doesNotContain("secret");
    }

    @Test
    void aMissingPasswordVariableIsInvalidInput() {
        Result result = cli.run("--url", "jdbc:postgresql://127.0.0.1:1/app", "--password-env", "NOPE", "current");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: --password-env NOPE: that environment variable is not set\n");
    }

    @Test
    void aMalformedUrlIsInvalidInputAndStillMasksThePassword() {
        Result notJdbc = cli.run("--url", "postgres://app:secret@db/app", "current");
        assertThat(notJdbc.exitCode()).isEqualTo(2);
        assertThat(notJdbc.err()).isEqualTo("error: 'postgres://app:<masked>@db/app' is not a database URL Flotilla can"
                + " open; expected " + DatabaseUrl.EXPECTED + "\n");
        Result badPort = cli.run("--url", "jdbc:postgresql://db:port/app?password=secret", "current");
        assertThat(badPort.exitCode()).isEqualTo(2);
        assertThat(badPort.err()).isEqualTo("error: no JDBC driver accepts the URL 'jdbc:postgresql://db:port/app"
                + "?password=<masked>'; check its form: " + DatabaseUrl.EXPECTED + "\n");
    }
}
