package dev.flotilla.engine.script;

import dev.flotilla.engine.revision.GraphProblem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Points the revision graph's problems at files: a problem about a revision's {@code down_revision}
 * lands on that header line of that revision's file.
 */
final class GraphProblems {

    private final Path versionsDir;
    private final Map<String, MigrationScript> byId = new HashMap<>();

    /** {@code scripts} must have distinct revision ids. */
    GraphProblems(Path versionsDir, Collection<MigrationScript> scripts) {
        this.versionsDir = versionsDir;
        for (MigrationScript script : scripts) {
            byId.put(script.revision().id(), script);
        }
    }

    List<Problem> locate(List<GraphProblem> problems) {
        List<Problem> located = new ArrayList<>();
        for (GraphProblem problem : problems) {
            located.add(locate(problem));
        }
        return located;
    }

    /**
     * The problem at its file and header line; at the {@code revision} line when the field is not in the
     * header (or not a header key); at the folder when no file declares the revision.
     */
    Problem locate(GraphProblem problem) {
        MigrationScript script = problem.revisionId() == null ? null : byId.get(problem.revisionId());
        if (script == null) {
            return new Problem(versionsDir, 0, problem.message());
        }
        String key = problem.field() == null ? Header.REVISION : problem.field();
        return new Problem(script.path(), script.headerLine(key), problem.message());
    }
}
