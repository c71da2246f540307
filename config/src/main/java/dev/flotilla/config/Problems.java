package dev.flotilla.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The problems found in one load, collected so that all of them are reported together. */
final class Problems {

    private final Path file;
    private final List<ConfigProblem> found = new ArrayList<>();

    Problems(Path file) {
        this.file = file;
    }

    void add(Origin origin, String keyPath, String message) {
        String from = origin.variable() == null ? "" : " (set by environment variable " + origin.variable() + ")";
        found.add(new ConfigProblem(file, origin.line(), origin.column(), keyPath, message + from));
    }

    int count() {
        return found.size();
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws every problem found, in file order, if there is any. */
    void throwIfAny() {
        if (!found.isEmpty()) {
            throw exception();
        }
    }

    ConfigException exception() {
        List<ConfigProblem> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
        return new ConfigException(sorted);
    }
}
