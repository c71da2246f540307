package dev.flotilla.status;

import java.util.List;

/**
 * {@code --max-behind N}: no tenant may lack more than {@code steps} upgrade steps to the heads. A tenant
 * without a version table lacks them all; a tenant {@code ahead} lacks none the scripts know of.
 */
public record MaxBehind(int steps) implements SkewGate {

    public MaxBehind {
        if (steps < 0) {
            throw new IllegalArgumentException("--max-behind must be 0 or more, found " + steps);
        }
    }

    @Override
    public String option() {
        return "--max-behind " + steps;
    }

    @Override
    public List<String> failures(SkewReport report) {
        return report.tenants().stream()
                .filter(t -> SkewGate.unknowable(t) || (t.behind() != null && t.behind() > steps))
                .map(SkewGate::describe).toList();
    }
}
