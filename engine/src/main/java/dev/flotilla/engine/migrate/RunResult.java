package dev.flotilla.engine.migrate;

import java.util.List;
import java.util.Objects;

/**
 * What a run did on one target: the revisions it started from, the steps it completed in order, and the
 * revisions the target is at now. A run that failed throws instead; what it completed before failing is
 * in the history table.
 */
public record RunResult(String runId, List<String> before, List<StepResult> steps, List<String> after) {

    public RunResult {
        Objects.requireNonNull(runId, "runId");
        before = List.copyOf(before);
        steps = List.copyOf(steps);
        after = List.copyOf(after);
    }

    /** True when the run found nothing to do. */
    public boolean isNoOp() {
        return steps.isEmpty() && before.equals(after);
    }
}
