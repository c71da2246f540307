package dev.flotilla.engine.dialect.internal;

import dev.flotilla.engine.dialect.HistoryRow;
import dev.flotilla.engine.dialect.TargetRows;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Gathers the rows of {@link TargetSql} selects into one {@link TargetRows} per target. Its
 * targets are distinct names, numbered by their position; what the catalog said (exists, version table)
 * is told first, the rows after. Not thread-safe: one reader call.
 */
public final class TargetCollector {

    /** Reads a time column as the dialect stores it. */
    @FunctionalInterface
    public interface TimeColumn {
        Instant read(ResultSet rows, int column) throws SQLException;
    }

    private final List<String> targets;
    private final TimeColumn times;
    private final boolean[] exists;
    private final boolean[] versioned;
    private final Map<Integer, List<String>> versions = new HashMap<>();
    private final Map<Integer, HistoryRow> newest = new HashMap<>();
    private final Map<Integer, HistoryRow> unfinished = new HashMap<>();

    /** Collects for {@code targets}, each named once (a repeated name is read once; {@link #inOrder} repeats it). */
    public TargetCollector(List<String> targets, TimeColumn times) {
        this.targets = List.copyOf(new java.util.LinkedHashSet<>(targets));
        this.times = times;
        this.exists = new boolean[this.targets.size()];
        this.versioned = new boolean[this.targets.size()];
    }

    /** {@code list} cut into consecutive pieces of {@code size} (the last may be shorter); views, not copies. */
    public static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> chunks = new java.util.ArrayList<>();
        for (int start = 0; start < list.size(); start += size) {
            chunks.add(list.subList(start, Math.min(list.size(), start + size)));
        }
        return chunks;
    }

    /** The targets, each at its index. */
    public List<String> targets() {
        return targets;
    }

    /** The catalog found target {@code index}, with or without the version table. */
    public void found(int index, boolean hasVersionTable) {
        exists[index] = true;
        versioned[index] = hasVersionTable;
    }

    /** Takes every row of a {@link TargetSql} result. */
    public void collect(ResultSet rows) throws SQLException {
        while (rows.next()) {
            int index = rows.getInt(1);
            int kind = rows.getInt(2);
            if (kind == 0) {
                version(index, rows.getString(3));
            } else {
                history(index, history(rows), kind == 1);
            }
        }
    }

    /** Takes one version row of target {@code index}. */
    public void version(int index, String revision) {
        versions.computeIfAbsent(index, i -> new ArrayList<>()).add(revision);
    }

    /**
     * Takes one history row of target {@code index}; {@code mayBeNewest} when the newest row is asked for
     * (the newest of those given is kept), and the unfinished rows are kept whatever it says.
     */
    public void history(int index, HistoryRow row, boolean mayBeNewest) {
        if (mayBeNewest) {
            newest.merge(index, row, TargetCollector::higher);
        }
        if (row.isUnfinished()) {
            unfinished.merge(index, row, TargetCollector::higher);
        }
    }

    /** Targets whose newest unfinished row is {@code running}: the ones whose lock must be looked at. */
    public List<Integer> running() {
        return unfinished.entrySet().stream().filter(e -> e.getValue().isRunning()).map(Map.Entry::getKey)
                .sorted().toList();
    }

    /**
     * One entry per target; {@code locked} says, for a target with a running row, whether a run holds
     * its lock now (its running row is then no dirty step).
     */
    public List<TargetRows> result(Predicate<Integer> locked) {
        List<TargetRows> result = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            if (!exists[i]) {
                result.add(TargetRows.missing(targets.get(i)));
                continue;
            }
            Optional<HistoryRow> dirty = versioned[i] ? Optional.ofNullable(unfinished.get(i)) : Optional.empty();
            if (dirty.isPresent() && dirty.get().isRunning() && locked.test(i)) {
                dirty = Optional.empty();
            }
            result.add(new TargetRows(targets.get(i), true, versioned[i],
                    versioned[i] ? versions.getOrDefault(i, List.of()) : List.of(), dirty,
                    Optional.ofNullable(newest.get(i))));
        }
        return result;
    }

    /**
     * The entries of {@code distinct} (one per distinct name) for every name of {@code asked}, in its
     * order.
     */
    public static List<TargetRows> inOrder(List<String> asked, List<TargetRows> distinct) {
        Map<String, TargetRows> byName = new HashMap<>();
        distinct.forEach(rows -> byName.put(rows.target(), rows));
        return asked.stream().map(byName::get).toList();
    }

    private static HistoryRow higher(HistoryRow one, HistoryRow other) {
        return one.id() >= other.id() ? one : other;
    }

    private HistoryRow history(ResultSet rows) throws SQLException {
        long duration = rows.getLong(11);
        Long durationMillis = rows.wasNull() ? null : duration;
        return new HistoryRow(rows.getLong(4), rows.getString(5), rows.getString(6), rows.getString(7),
                rows.getString(8), times.read(rows, 9), times.read(rows, 10), durationMillis, rows.getString(12),
                rows.getInt(13), rows.getInt(14), rows.getString(15), rows.getString(16), rows.getString(17));
    }
}
