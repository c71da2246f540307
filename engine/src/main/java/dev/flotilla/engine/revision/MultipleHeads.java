package dev.flotilla.engine.revision;

import java.util.List;

/**
 * {@code head} (or {@code label@head}) named a revision where there are several heads; Alembic's
 * {@code MultipleHeads}. Package-private so that commands can reword it, as Alembic's do; callers see a
 * {@link RevisionException}.
 */
final class MultipleHeads extends RevisionException {

    private final List<String> heads;
    private final String argument;

    MultipleHeads(List<String> heads, String argument, String message) {
        super(message);
        this.heads = List.copyOf(heads);
        this.argument = argument;
    }

    List<String> heads() {
        return heads;
    }

    String argument() {
        return argument;
    }
}
