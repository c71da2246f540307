package dev.flotilla.cli;

import dev.flotilla.engine.EngineException;

/**
 * Input the command line cannot use: a missing or malformed project config, a folder {@code init}
 * would overwrite, a malformed range. Exit code 2 (nothing was changed) unless a caller says otherwise.
 */
final class InputException extends EngineException {

    InputException(String message) {
        super(message);
    }

    InputException(String message, int exitCode, Throwable cause) {
        super(message, exitCode, cause);
    }
}
