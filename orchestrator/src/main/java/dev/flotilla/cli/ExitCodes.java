package dev.flotilla.cli;

import dev.flotilla.config.ConfigException;
import dev.flotilla.engine.EngineException;
import dev.flotilla.journal.JournalException;
import dev.flotilla.journal.UnknownRunException;
import dev.flotilla.registry.RegistryException;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParameterException;

/**
 * The one place that turns an exception into the process exit code (CLI.md, "Exit codes"): the
 * engine's, the config module's and the tenant registry's exceptions carry their own, usage errors are 2, anything unexpected is 1.
 */
final class ExitCodes implements IExitCodeExceptionMapper {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int INVALID_INPUT = 2;

    @Override
    public int getExitCode(Throwable exception) {
        if (exception instanceof EngineException engine) {
            return engine.exitCode();
        }
        if (exception instanceof ConfigException config) {
            return config.exitCode();
        }
        if (exception instanceof RegistryException registry) {
            return registry.exitCode();
        }
        if (exception instanceof ParameterException || exception instanceof UnknownRunException) {
            return INVALID_INPUT;
        }
        return FAILED;
    }
}
