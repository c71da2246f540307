package dev.flotilla.cli;

import dev.flotilla.engine.migrate.HistoryEntry;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A database's history table as aligned text columns: when each row started (UTC), what it did, to which
 * revision, how it ended, how long it took, how many of its statements ran, who ran it, and the error or
 * repair note. Pure formatting.
 */
final class HistoryRows {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final List<String> HEADER =
            List.of("started (UTC)", "action", "revision", "outcome", "duration", "statements", "applied by", "note");

    private HistoryRows() {
    }

    /** The header and one line per row; a single line saying so when there are none. */
    static List<String> lines(List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            return List.of("(no history rows)");
        }
        List<List<String>> table = new ArrayList<>();
        table.add(HEADER);
        for (HistoryEntry entry : entries) {
            table.add(List.of(TIME.format(entry.startedAt()), lower(entry.action()), entry.revision(),
                    lower(entry.outcome()),
                    entry.durationMillis() == null ? "-" : entry.durationMillis() + " ms",
                    entry.statementsDone() + "/" + entry.statementsTotal(),
                    entry.appliedBy() == null ? "" : entry.appliedBy(),
                    entry.error() == null ? "" : entry.error().lines().findFirst().orElse("")));
        }
        int[] widths = new int[HEADER.size()];
        table.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        List<String> lines = new ArrayList<>();
        for (List<String> row : table) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == 0 ? "" : "  ").append(i == row.size() - 1 ? row.get(i)
                        : String.format(Locale.ROOT, "%-" + widths[i] + "s", row.get(i)));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
