package dev.flotilla.cli;

import dev.flotilla.engine.migrate.MigratorSettings.TransactionMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --transaction per-step|whole-run}. */
final class TransactionModeConverter implements ITypeConverter<TransactionMode> {

    @Override
    public TransactionMode convert(String value) {
        return switch (value) {
            case "per-step" -> TransactionMode.PER_STEP;
            case "whole-run" -> TransactionMode.WHOLE_RUN;
            default -> throw new TypeConversionException("'" + value + "' is not a transaction mode; use per-step"
                    + " or whole-run");
        };
    }
}
