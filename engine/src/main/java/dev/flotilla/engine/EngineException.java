package dev.flotilla.engine;

/**
 * Root of every exception the engine throws on purpose. Each carries a message a person can act on
 * and the exit code the command line maps it to.
 */
public class EngineException extends RuntimeException {

    /** Exit code for invalid input: usage, scripts, targets (nothing was changed). */
    public static final int INVALID_INPUT = 2;

    private final int exitCode;

    public EngineException(String message) {
        this(message, INVALID_INPUT, null);
    }

    public EngineException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The process exit code the command line uses when this exception ends a command. */
    public int exitCode() {
        return exitCode;
    }
}
