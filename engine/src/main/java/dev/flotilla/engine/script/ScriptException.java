package dev.flotilla.engine.script;

import dev.flotilla.engine.EngineException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A versions folder that cannot be used: malformed files or a broken revision graph. Carries every
 * problem found, each with its file and line.
 */
public class ScriptException extends EngineException {

    private final List<Problem> problems;

    public ScriptException(List<Problem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String render(List<Problem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        return problems.size() + " problems in the migration scripts:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
