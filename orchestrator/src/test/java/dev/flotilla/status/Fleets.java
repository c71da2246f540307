package dev.flotilla.status;

import dev.flotilla.engine.migrate.HistoryEntry;
import dev.flotilla.engine.migrate.TargetStatus;
import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.revision.RevisionGraph;
import dev.flotilla.registry.Tenant;
import dev.flotilla.survey.Reading;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Readings made by hand for the pure tests: a graph {@code a → b → c} with a second branch {@code a → x}
 * (heads {@code c} and {@code x}), and tenants given as id and reading.
 */
final class Fleets {

    static final Instant TIME = Instant.parse("2024-05-01T10:11:12Z");
    static final RevisionGraph TWO_HEADS = RevisionGraph.of(List.of(
            Revision.of("a"), Revision.of("b", "a"), Revision.of("c", "b"), Revision.of("x", "a")));

    private final Map<String, Reading> readings = new LinkedHashMap<>();

    Fleets at(String id, String... revisions) {
        readings.put(id, new Reading.Found(id, new TargetStatus(true, List.of(revisions), Optional.empty()), Optional.empty()));
        return this;
    }

    Fleets lastRun(String id, HistoryEntry run, String... revisions) {
        readings.put(id, new Reading.Found(id, new TargetStatus(true, List.of(revisions), Optional.empty()), Optional.of(run)));
        return this;
    }

    Fleets uninitialized(String id) {
        readings.put(id, new Reading.Found(id, new TargetStatus(false, List.of(), Optional.empty()), Optional.empty()));
        return this;
    }

    Fleets dirty(String id, HistoryEntry step, String... revisions) {
        readings.put(id, new Reading.Found(id, new TargetStatus(true, List.of(revisions), Optional.of(step)), Optional.empty()));
        return this;
    }

    Fleets unreachable(String id, String error) {
        readings.put(id, new Reading.Unreachable(id, error));
        return this;
    }

    SkewReport report(RevisionGraph graph) {
        List<Tenant> tenants = readings.keySet().stream().map(id -> Tenant.of(id, "pg1", null, "s_" + id)).toList();
        return new SkewAnalysis(graph).report(tenants, readings, TIME);
    }

    SkewReport report() {
        return report(TWO_HEADS);
    }

    static HistoryEntry step(String revision, HistoryEntry.Outcome outcome, int done, int total, String error) {
        return new HistoryEntry(7, "run-1", revision, HistoryEntry.Action.UPGRADE, "sum", TIME, null, null, outcome,
                done, total, null, error, "ci@build");
    }
}
