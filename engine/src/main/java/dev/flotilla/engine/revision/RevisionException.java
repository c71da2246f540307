package dev.flotilla.engine.revision;

import dev.flotilla.engine.EngineException;

/**
 * A revision graph that cannot be built, or a target that cannot be resolved against it. The message
 * names the revisions and the files involved and says what to do.
 */
public class RevisionException extends EngineException {

    public RevisionException(String message) {
        super(message);
    }
}
