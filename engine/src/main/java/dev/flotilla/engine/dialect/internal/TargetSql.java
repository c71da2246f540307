package dev.flotilla.engine.dialect.internal;

import dev.flotilla.engine.dialect.ReadScope;

import java.util.List;

/**
 * The SELECT that reads one target for a {@code TargetReader}: its version rows, its newest history row
 * and its newest {@code running} or {@code dirty} row, as one UNION ALL whose rows
 * {@link TargetCollector} takes apart. Every row starts with the target's index in the caller's list
 * (a number, so no name is ever written as a literal) and a kind: 0 a version row, 1 the newest
 * history row or the newest unfinished one (told apart by the collector), 2 an unfinished row only (the
 * planning read). Tables come already quoted and qualified by the dialect.
 * Stateless.
 */
public final class TargetSql {

    /** The history columns, in the order {@link TargetCollector} reads them (columns 4 to 17). */
    public static final List<String> HISTORY_COLUMNS = List.of("id", "run_id", "revision", "direction", "checksum",
            "started_at", "finished_at", "duration_ms", "outcome", "statements_done", "statements_total",
            "done_digest", "error", "applied_by");

    private final String historyNulls;

    /**
     * @param historyNulls the 14 history columns as NULLs of their types, comma-separated, for the version
     *                     rows' branch (PostgreSQL needs typed NULLs to match the branches' types)
     */
    public TargetSql(String historyNulls) {
        this.historyNulls = historyNulls;
    }

    /**
     * The SELECT for target number {@code index} that reads what {@code scope} needs; {@code versionTable}
     * or {@code historyTable} is null when that table does not exist (not both).
     */
    public String select(int index, String versionTable, String historyTable, ReadScope scope) {
        StringBuilder sql = new StringBuilder();
        if (versionTable != null) {
            sql.append("SELECT ").append(index).append(" AS t, 0 AS k, version_num AS v, ").append(historyNulls)
                    .append(" FROM ").append(versionTable);
        }
        if (historyTable != null) {
            sql.append(versionTable != null ? " UNION ALL " : "").append("SELECT ").append(index);
            if (scope == ReadScope.PLANNING) {
                // Every unfinished row, as Migrator.status reads them: no subquery and no ordering to plan,
                // and a history table holds no such row unless a step failed part-way or is running.
                sql.append(" AS t, 2 AS k, NULL AS v, ").append(String.join(", ", HISTORY_COLUMNS))
                        .append(" FROM ").append(historyTable).append(" WHERE outcome IN ('running', 'dirty')");
            } else {
                // One branch for both history rows: planning a branch costs more than running it, and the
                // two rows are told apart by the collector (the higher id is the newest; the running or
                // dirty one is the unfinished one; one row may be both).
                sql.append(" AS t, 1 AS k, NULL AS v, ").append(String.join(", ", HISTORY_COLUMNS))
                        .append(" FROM ").append(historyTable)
                        .append(" WHERE id = (SELECT MAX(id) FROM ").append(historyTable).append(")")
                        .append(" OR id = (SELECT MAX(id) FROM ").append(historyTable)
                        .append(" WHERE outcome IN ('running', 'dirty'))");
            }
        }
        return sql.toString();
    }
}
