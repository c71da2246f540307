package dev.flotilla.engine.revision;

import java.util.List;

/** Small named graphs the specification tests share. */
final class Graphs {

    private Graphs() {
    }

    static Revision rev(String id, String... down) {
        return new Revision(id, List.of(down), List.of(), List.of(), "msg " + id, "versions/" + id + "_x.sql");
    }

    static Revision labelled(String id, String label, String... down) {
        return new Revision(id, List.of(down), List.of(), List.of(label), "msg " + id, "versions/" + id + "_x.sql");
    }

    static Revision dependent(String id, List<String> down, List<String> deps) {
        return new Revision(id, down, deps, List.of(), "msg " + id, "versions/" + id + "_x.sql");
    }

    /** a1 → b2 → c3 → d4 */
    static RevisionGraph linear() {
        return RevisionGraph.of(List.of(rev("a1aa"), rev("b2bb", "a1aa"), rev("c3cc", "b2bb"), rev("d4dd", "c3cc")));
    }

    /**
     * base → core1 (label core) → core2, and base → feat1 (label feature) → feat2: two heads on two labelled
     * branches from one branch point.
     */
    static RevisionGraph twoBranches() {
        return RevisionGraph.of(List.of(rev("base0001"), labelled("core0001", "core", "base0001"),
                rev("core0002", "core0001"), labelled("feat0001", "feature", "base0001"), rev("feat0002", "feat0001")));
    }

    /** root0001 → left0001 and root0001 → rght0001, merged by merge001, then top00001. */
    static RevisionGraph merged() {
        return RevisionGraph.of(List.of(rev("root0001"), rev("left0001", "root0001"), rev("rght0001", "root0001"),
                rev("merge001", "left0001", "rght0001"), rev("top00001", "merge001")));
    }

    /** Two histories with their own bases: main0001 → main0002, and net00001 (label net) → net00002. */
    static RevisionGraph separateRoots() {
        return RevisionGraph.of(List.of(rev("main0001"), rev("main0002", "main0001"), labelled("net00001", "net"),
                rev("net00002", "net00001")));
    }
}
