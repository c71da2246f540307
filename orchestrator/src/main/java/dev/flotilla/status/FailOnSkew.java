package dev.flotilla.status;

import java.util.List;

/** {@code --fail-on-skew}: every tenant must be {@code current}. */
public record FailOnSkew() implements SkewGate {

    @Override
    public String option() {
        return "--fail-on-skew";
    }

    @Override
    public List<String> failures(SkewReport report) {
        return report.notCurrent().stream().map(SkewGate::describe).toList();
    }
}
