package dev.flotilla.cli;

import dev.flotilla.config.ConfigException;
import dev.flotilla.engine.EngineException;
import dev.flotilla.registry.RegistryException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;

/**
 * Prints an exception that ended a command as {@code error: <message>} on stderr, with the stack
 * trace only under {@code -v}, and returns the exit code {@link ExitCodes} gives it. An exception the
 * engine did not throw on purpose is reported as an internal error.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception exception, CommandLine command, ParseResult parseResult) {
        boolean verbose = verbose(parseResult);
        PrintWriter err = command.getErr();
        if (expected(exception)) {
            err.println("error: " + exception.getMessage());
        } else {
            err.println("error: internal error: " + describe(exception)
                    + (verbose ? "" : " (run with -v for the stack trace)"));
        }
        if (verbose) {
            exception.printStackTrace(err);
        }
        err.flush();
        return command.getExitCodeExceptionMapper().getExitCode(exception);
    }

    /** An exception thrown on purpose, whose message is meant for the person running the command. */
    static boolean expected(Throwable exception) {
        return exception instanceof EngineException || exception instanceof ConfigException
                || exception instanceof RegistryException || exception instanceof dev.flotilla.journal.JournalException;
    }

    private static String describe(Exception exception) {
        return exception.getMessage() == null ? exception.getClass().getName() : exception.getMessage();
    }

    /** {@code -v} may stand before or after the subcommand, so look at every level of the parse. */
    private static boolean verbose(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
