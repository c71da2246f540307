package dev.flotilla.testkit;

import java.sql.SQLException;

/** Turns a failure into a short single-line reason for skip and warning lines. */
final class Reasons {
    private static final int MAX_LENGTH = 300;

    private Reasons() {
    }

    /** The failure's message and, when it adds something, its cause's: one line, bounded. */
    static String of(Throwable failure) {
        String line = describe(failure);
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure) {
            String causeLine = describe(cause);
            if (!line.contains(causeLine)) {
                line += ": " + causeLine;
            }
        }
        line = line.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 3) + "...";
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage() == null || failure.getMessage().isBlank()
                ? failure.getClass().getSimpleName()
                : failure.getMessage();
        if (failure instanceof SQLException sql && sql.getSQLState() != null) {
            message += " (SQLSTATE " + sql.getSQLState() + ")";
        }
        return message;
    }
}
