package dev.flotilla.survey;

import dev.flotilla.engine.dialect.HistoryRow;
import dev.flotilla.engine.dialect.TargetRows;
import dev.flotilla.engine.migrate.HistoryEntry;
import dev.flotilla.engine.migrate.TargetStatus;
import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.revision.RevisionGraph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what the engine's reader found into {@link Reading}s with the meaning of {@code Migrator.status}:
 * version rows in graph order (rows the graph lacks last, as read), no version table or no schema at
 * all = uninitialized. Immutable and thread-safe.
 */
final class Readings {

    private final List<String> graphOrder;

    Readings(RevisionGraph graph) {
        this.graphOrder = graph.revisions().stream().map(Revision::id).toList();
    }

    Reading.Found found(String tenant, TargetRows rows) {
        TargetStatus status = new TargetStatus(rows.versioned(), inGraphOrder(rows.versions()),
                rows.dirtyStep().map(Readings::entry));
        return new Reading.Found(tenant, status, rows.newest().map(Readings::entry));
    }

    static Reading.Found uninitialized(String tenant) {
        return new Reading.Found(tenant, new TargetStatus(false, List.of(), Optional.empty()), Optional.empty());
    }

    private List<String> inGraphOrder(List<String> rows) {
        if (rows.size() < 2) {
            return rows;
        }
        Set<String> present = new HashSet<>(rows);
        List<String> ordered = new ArrayList<>(rows.size());
        for (String id : graphOrder) {
            if (present.contains(id)) {
                ordered.add(id);
            }
        }
        rows.stream().filter(row -> !ordered.contains(row)).sorted().forEach(ordered::add);
        return ordered;
    }

    private static HistoryEntry entry(HistoryRow row) {
        return new HistoryEntry(row.id(), row.runId(), row.revision(),
                HistoryEntry.Action.valueOf(row.direction().toUpperCase(Locale.ROOT)), row.checksum(), row.startedAt(),
                row.finishedAt(), row.durationMillis(), HistoryEntry.Outcome.valueOf(row.outcome().toUpperCase(Locale.ROOT)),
                row.statementsDone(), row.statementsTotal(), row.doneDigest(), row.error(), row.appliedBy());
    }
}
