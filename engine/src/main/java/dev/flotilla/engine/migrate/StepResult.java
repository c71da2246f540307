package dev.flotilla.engine.migrate;

import dev.flotilla.engine.revision.Step;

import java.time.Duration;
import java.util.Objects;

/** One step a run completed: the step, how many statements it executed and how long it took. */
public record StepResult(Step step, int statements, Duration duration) {

    public StepResult {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(duration, "duration");
    }
}
