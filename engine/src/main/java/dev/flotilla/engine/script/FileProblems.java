package dev.flotilla.engine.script;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The problems found in one file while parsing it. Not thread-safe: one per parse. */
final class FileProblems {

    private final Path path;
    private final List<Problem> found = new ArrayList<>();

    FileProblems(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    void add(int line, String message) {
        found.add(new Problem(path, line, message));
    }

    boolean any() {
        return !found.isEmpty();
    }

    /** The problems by line; those found on one line stay in the order found. */
    List<Problem> list() {
        List<Problem> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(Problem::line));
        return List.copyOf(sorted);
    }
}
