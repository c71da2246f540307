package dev.flotilla.engine.migrate;

import dev.flotilla.engine.revision.Step;

/**
 * Hears what a {@link Migrator} does, for progress displays, logs and metrics. Every method has a no-op
 * default. Called on the thread that runs the migration; an implementation shared by concurrent runs
 * must be thread-safe. {@code target} names the target as messages do (schema or database, else the
 * connection's URL without credentials).
 */
public interface MigrationListener {

    /** Does nothing. */
    MigrationListener NONE = new MigrationListener() {
    };

    default void stepStarted(String target, Step step, int statements) {
    }

    default void stepFinished(String target, StepResult result) {
    }

    default void stepFailed(String target, Step step, MigrationException failure) {
    }

    /** Something a person should know that did not stop the run (a changed checksum, say). */
    default void warning(String target, String message) {
    }
}
