package dev.flotilla.cli;

import dev.flotilla.cli.TestCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorHandlingTest {

    @TempDir
    Path dir;

    @Test
    void anUnknownCommandOrOptionIsAUsageErrorWithExitCodeTwo() {
        Result command = new TestCli(dir).run("upgrayedd");
        assertThat(command.exitCode()).isEqualTo(2);
        assertThat(command.err()).contains("Unmatched argument at index 0: 'upgrayedd'");
        Result option = new TestCli(dir).run("heads", "--frobnicate");
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err()).contains("Unknown option: '--frobnicate'");
        Result none = new TestCli(dir).run();
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("Missing required subcommand");
    }

    @Test
    void aTopLevelErrorListsEverySubcommandThoughTheArgumentsNameOne() {
        Result result = new TestCli(dir).run("--frobnicate", "heads");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option: '--frobnicate'", "upgrade", "status", "provision", "init");
    }

    @Test
    void anOptionValueThatNamesASubcommandIsRefusedAsWithTheWholeTree() {
        Result result = new TestCli(dir).run("--config", "status", "heads");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Expected parameter for option '--config' but found 'status'\n");
    }

    @Test
    void quietAndVerboseExcludeEachOther() {
        Result result = new TestCli(dir).run("-q", "heads", "-v");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Error: -q/--quiet and -v/--verbose exclude each other");
    }

    @Test
    void helpListsTheAuthoringCommands() {
        Result result = new TestCli(dir).run("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("init", "revision", "merge", "heads", "branches", "history", "show", "check");
        assertThat(new TestCli(dir).run("revision", "--help").out()).contains("--splice", "--depends-on");
    }

    @Test
    void anInputErrorIsOneLineUnlessVerbose() {
        Result quiet = new TestCli(dir).run("heads");
        assertThat(quiet.err()).startsWith("error: no flotilla.yaml").doesNotContain("\tat ");
        Result verbose = new TestCli(dir).run("heads", "-v");
        assertThat(verbose.exitCode()).isEqualTo(2);
        assertThat(verbose.err()).startsWith("error: no flotilla.yaml")
                .contains("dev.flotilla.cli.InputException", "\tat dev.flotilla.cli.ProjectLocator");
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @CommandLine.Mixin
        GlobalOptions options;

        @Override
        public Integer call() {
            throw new IllegalStateException("the flux capacitor is empty");
        }
    }

    @Test
    void anUnexpectedExceptionIsAnInternalErrorWithExitCodeOne() {
        assertThat(runBoom()).isEqualTo("1|error: internal error: the flux capacitor is empty"
                + " (run with -v for the stack trace)\n");
        assertThat(runBoom("-v")).startsWith("1|error: internal error: the flux capacitor is empty\n"
                + "java.lang.IllegalStateException: the flux capacitor is empty\n\tat ");
    }

    private static String runBoom(String... args) {
        CommandLine cli = new CommandLine(new Boom());
        cli.setExitCodeExceptionMapper(new ExitCodes());
        cli.setExecutionExceptionHandler(new ErrorReporter());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return code + "|" + err;
    }
}
