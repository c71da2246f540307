package dev.flotilla.registry;

import java.util.List;

/**
 * Every problem found in a registry at once, each naming its source line and tenant, so that a person
 * fixes them all in one pass. Thrown before anything connects.
 */
public final class RegistryValidationException extends RegistryException {

    private final transient List<Problem> problems;

    public RegistryValidationException(String source, List<Problem> problems) {
        super(message(source, problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems, in registry order; never empty. */
    public List<Problem> problems() {
        return problems;
    }

    private static String message(String source, List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a validation exception needs at least one problem");
        }
        StringBuilder text = new StringBuilder("Registry ").append(source).append(" has ")
                .append(problems.size()).append(problems.size() == 1 ? " problem:" : " problems:");
        for (Problem problem : problems) {
            text.append("\n  ").append(problem);
        }
        return text.toString();
    }
}
