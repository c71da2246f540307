package dev.flotilla.registry;

/**
 * Root of every exception the tenant registry throws on purpose: a bad tenant, a bad registry file, an
 * unknown selection, a template that cannot be rendered. Each message names what is wrong and where.
 * All of them are invalid input: exit code {@value #INVALID_INPUT}, and nothing was changed.
 */
public class RegistryException extends RuntimeException {

    /** Exit code for invalid input (usage, config, registry, scripts); nothing was changed. */
    public static final int INVALID_INPUT = 2;

    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The process exit code the command line uses when this exception ends a command. */
    public int exitCode() {
        return INVALID_INPUT;
    }
}
