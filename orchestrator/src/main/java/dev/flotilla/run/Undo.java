package dev.flotilla.run;

import java.util.List;
import java.util.Objects;

/**
 * What undoing a recorded run means for one tenant: where that run found it, where it left it, and the steps
 * it applied there. Immutable.
 *
 * @param from  its revisions before the run (empty: base), where the undo takes it back to
 * @param to    its revisions after the run; the undo touches the tenant only while it is still there
 * @param steps the revisions the run applied, in the order applied; never empty
 */
public record Undo(List<String> from, List<String> to, List<String> steps) {

    public Undo {
        from = List.copyOf(from);
        to = List.copyOf(to);
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("an undo needs the steps the run applied, found none (from "
                    + from + " to " + to + ")");
        }
    }
}
