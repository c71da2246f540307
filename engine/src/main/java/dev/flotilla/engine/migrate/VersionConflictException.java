package dev.flotilla.engine.migrate;

import dev.flotilla.engine.EngineException;

/**
 * The version table did not hold the row a change expected: something else wrote to it since it was
 * read. The change was rolled back, never written over the other writer's. Exit code 1.
 */
public class VersionConflictException extends EngineException {

    public VersionConflictException(String message) {
        super(message, 1, null);
    }
}
