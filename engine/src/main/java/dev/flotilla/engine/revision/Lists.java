package dev.flotilla.engine.revision;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** List operations the graph code needs in several places. */
final class Lists {

    private Lists() {
    }

    static List<String> concatDistinct(List<String> first, List<String> second) {
        if (second.isEmpty()) {
            return first;
        }
        LinkedHashSet<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
