package dev.flotilla.engine.migrate;

import dev.flotilla.engine.dialect.DialectSql;
import dev.flotilla.engine.migrate.HistoryEntry.Outcome;
import dev.flotilla.engine.revision.VersionRowChange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
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

    /** Moves the version and adds the step's finished row, on the connection's current transaction. */
    void applied(Connection connection, List<VersionRowChange> changes, HistoryEntry entry) throws SQLException {
        if (changes.size() != 1 || !sql.writableWith()) {
            versions.apply(connection, changes);
            history.add(connection, entry);
            return;
        }
        VersionRowChange change = changes.get(0);
        String statement = "WITH moved AS (" + versions.template(change) + " RETURNING 1) " + history.insertInto()
                + " SELECT " + HistoryTable.marks(HistoryTable.INSERT_VALUES) + " WHERE (SELECT count(*) FROM moved) = 1";
        try (PreparedStatement insert = connection.prepareStatement(statement)) {
            history.bindRow(insert, VersionTable.bind(insert, 1, change), entry);
            if (insert.executeUpdate() != 1) {
                throw versions.conflict(change, 0);
            }
        }
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
