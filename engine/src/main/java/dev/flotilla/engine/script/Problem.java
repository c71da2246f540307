package dev.flotilla.engine.script;

import java.nio.file.Path;

/**
 * One problem in a migration script: where it is and what to do about it.
 *
 * @param path    the file (never null)
 * @param line    1-based line, or 0 when the problem is about the file as a whole
 * @param message what was found and what is expected
 */
public record Problem(Path path, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? path + ":" + line + ": " + message : path + ": " + message;
    }
}
