package dev.flotilla.engine.migrate;

import dev.flotilla.engine.dialect.DialectSql;
import dev.flotilla.engine.dialect.SessionSettings;
import dev.flotilla.engine.migrate.HistoryEntry.Outcome;
import dev.flotilla.engine.revision.VersionRowChange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * Writes what a step leaves in the target's own tables, its version change and its history row, in as few
 * round trips as the dialect allows: one statement where the dialect can say "this row only if that row
 * moved" ({@link DialectSql#writableWith()}, {@link DialectSql#multiTableUpdate()}), else one statement
 * each. Every form stays compare-and-set: a version change that finds no row raises
 * {@link VersionConflictException}, and the one statement then wrote nothing at all (it makes a single
 * change, so a row count of zero means no row changed). Stateless apart from its tables.
 */
final class StepRecords {

    private final DialectSql sql;
    private final VersionTable versions;
    private final HistoryTable history;

    StepRecords(DialectSql sql, VersionTable versions, HistoryTable history) {
        this.sql = sql;
        this.versions = versions;
        this.history = history;
    }

    /** A step's finished row and the version changes it records. */
    record Applied(List<VersionRowChange> changes, HistoryEntry entry) {
    }

    /**
     * Moves the version and adds the step's finished row, on the connection's current transaction, applying
     * {@code settings} in the same statement where it can (else in a statement before).
     */
    void applied(Connection connection, List<VersionRowChange> changes, HistoryEntry entry, SessionSettings settings)
            throws SQLException {
        appliedInOrder(connection, List.of(new Applied(changes, entry)), settings);
    }

    /**
     * Records several steps in order, on the connection's current transaction. Where one statement records
     * a step, consecutive such statements go as one JDBC batch, which PostgreSQL's driver sends in one round
     * trip; each one's row count is still checked. A conflict leaves the caller a transaction to roll back.
     * {@code settings} go with the first statement that can carry them, or in a statement of their own first.
     */
    void appliedInOrder(Connection connection, List<Applied> steps, SessionSettings settings) throws SQLException {
        if (!settings.isEmpty() && !inOneStatement(steps.get(0))) {
            apply(connection, settings);
            settings = SessionSettings.NONE;
        }
        if (!sql.writableWith() && steps.size() > 1 && isChain(steps)) {
            chain(connection, steps);
            return;
        }
        int from = 0;
        while (from < steps.size()) {
            if (!inOneStatement(steps.get(from))) {
                versions.apply(connection, steps.get(from).changes());
                history.add(connection, steps.get(from).entry());
                from++;
            } else {
                from = batch(connection, steps, from, settings);
                settings = SessionSettings.NONE;
            }
        }
    }

    /** True when every step moves one row, each from where the step before moved it. */
    private static boolean isChain(List<Applied> steps) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).changes().size() != 1
                    || !(steps.get(i).changes().get(0) instanceof VersionRowChange.Update update)
                    || i > 0 && !update.from().equals(((VersionRowChange.Update) steps.get(i - 1).changes().get(0)).to())) {
                return false;
            }
        }
        return true;
    }

    /**
     * A chain of moves, in one transaction: moving the row from the first step's start to the last step's end
     * leaves what the moves one by one would, and no one sees the rows in between. Still compare-and-set on
     * the row the group starts from. The history rows go as one multi-row insert. Two statements in all.
     */
    private void chain(Connection connection, List<Applied> steps) throws SQLException {
        String from = ((VersionRowChange.Update) steps.get(0).changes().get(0)).from();
        String to = ((VersionRowChange.Update) steps.get(steps.size() - 1).changes().get(0)).to();
        versions.apply(connection, List.of(new VersionRowChange.Update(from, to)));
        String row = "(" + HistoryTable.marks(HistoryTable.INSERT_VALUES) + ")";
        try (PreparedStatement insert = connection.prepareStatement(history.insertInto() + " VALUES "
                + String.join(", ", Collections.nCopies(steps.size(), row)))) {
            int next = 1;
            for (Applied step : steps) {
                next = history.bindRow(insert, next, step.entry());
            }
            insert.executeUpdate();
        }
    }

    private boolean inOneStatement(Applied step) {
        return step.changes().size() == 1 && sql.writableWith();
    }

    private static void apply(Connection connection, SessionSettings settings) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + settings.selectList())) {
            bind(select, settings);
            select.executeQuery().close();
        }
    }

    private static int bind(PreparedStatement statement, SessionSettings settings) throws SQLException {
        for (int i = 0; i < settings.parameters().size(); i++) {
            statement.setString(i + 1, settings.parameters().get(i));
        }
        return settings.parameters().size() + 1;
    }

    /** Sends the steps from {@code from} on that share one statement text as a batch; returns where it ended. */
    private int batch(Connection connection, List<Applied> steps, int from, SessionSettings settings)
            throws SQLException {
        // The statement's text depends only on the kind of change (insert, update, delete) it makes.
        Class<?> kind = steps.get(from).changes().get(0).getClass();
        int end = from;
        try (PreparedStatement insert = connection.prepareStatement(insertWith(steps.get(from).changes().get(0),
                settings))) {
            while (end < steps.size() && inOneStatement(steps.get(end))
                    && steps.get(end).changes().get(0).getClass() == kind) {
                Applied step = steps.get(end);
                int next = VersionTable.bind(insert, bind(insert, settings), step.changes().get(0));
                history.bindRow(insert, next, step.entry());
                insert.addBatch();
                end++;
            }
            int[] counts = insert.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 1) {
                    throw versions.conflict(steps.get(from + i).changes().get(0), 0);
                }
            }
        }
        return end;
    }

    /**
     * PostgreSQL: the history row is inserted only if the version moved. Settings are a CTE that the insert
     * reads, so they are applied exactly when the row is written (a function call in a CTE runs once, as the
     * CTE is materialized); when the version did not move the transaction is rolled back anyway.
     */
    private String insertWith(VersionRowChange change, SessionSettings settings) {
        String values = " SELECT " + HistoryTable.marks(HistoryTable.INSERT_VALUES);
        String moved = "moved AS (" + versions.template(change) + " RETURNING 1) ";
        if (settings.isEmpty()) {
            return "WITH " + moved + history.insertInto() + values + " WHERE (SELECT count(*) FROM moved) = 1";
        }
        return "WITH settings AS (SELECT " + settings.selectList() + "), " + moved + history.insertInto() + values
                + " FROM settings WHERE (SELECT count(*) FROM moved) = 1";
    }

    /**
     * True when {@link #closeInOneStatement} can move the version and close a running row in one statement,
     * which then needs no transaction around it.
     */
    boolean closesInOneStatement(List<VersionRowChange> changes) {
        return changes.size() == 1 && (sql.writableWith()
                || sql.multiTableUpdate() && changes.get(0) instanceof VersionRowChange.Update);
    }

    /** Moves the version and closes row {@code id} as applied, in one statement; see {@link #closesInOneStatement}. */
    void closeInOneStatement(Connection connection, VersionRowChange change, long id, Instant finishedAt,
                             long durationMillis, int done, String digest) throws SQLException {
        boolean with = sql.writableWith();
        try (PreparedStatement close = connection.prepareStatement(with ? closeWith(change) : closeBoth())) {
            int next = with ? VersionTable.bind(close, 1, change) : setTo(close, (VersionRowChange.Update) change);
            next = history.bindFinish(close, next, Outcome.APPLIED, finishedAt, durationMillis, done, digest, null);
            if (with) {
                close.setLong(next, id);
            } else {
                close.setString(next, ((VersionRowChange.Update) change).from());
                close.setLong(next + 1, id);
            }
            if (close.executeUpdate() == 0) {
                throw versions.conflict(change, 0);
            }
        }
    }

    /** PostgreSQL: the row closes only if the version moved. */
    private String closeWith(VersionRowChange change) {
        return "WITH moved AS (" + versions.template(change) + " RETURNING 1) UPDATE " + history.qualified()
                + " SET " + HistoryTable.finishAssignments(null) + " WHERE id = ? AND (SELECT count(*) FROM moved) = 1";
    }

    /** MySQL: both rows in one UPDATE; when the version row is not there, the join is empty and nothing changes. */
    private String closeBoth() {
        return "UPDATE " + versions.qualified() + " AS v, " + history.qualified() + " AS h SET v.version_num = ?, "
                + HistoryTable.finishAssignments("h") + " WHERE v.version_num = ? AND h.id = ?";
    }

    private static int setTo(PreparedStatement close, VersionRowChange.Update change) throws SQLException {
        close.setString(1, change.to());
        return 2;
    }
}
