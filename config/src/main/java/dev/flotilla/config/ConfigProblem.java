package dev.flotilla.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with a {@code flotilla.yaml}: where it is and what to do about it. Never holds a
 * secret's value.
 *
 * @param file    the config file, as the caller named it (never null)
 * @param line    1-based line, or 0 when the problem has no place in the file (an environment variable
 *                that names no key, a key that is missing from the top level of an empty file)
 * @param column  1-based column, or 0 with {@code line} 0
 * @param keyPath the key at fault, dotted ({@code servers.pg1.max_concurrency}); empty when the problem
 *                is about the file as a whole (not valid YAML)
 * @param message what was found and what is expected
 */
public record ConfigProblem(Path file, int line, int column, String keyPath, String message) {

    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(keyPath, "keyPath");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:column: key.path: message}, leaving out the parts that are not known. */
    @Override
    public String toString() {
        String place = line > 0 ? file + ":" + line + ":" + column : file.toString();
        return place + ": " + (keyPath.isEmpty() ? "" : keyPath + ": ") + message;
    }
}
