package dev.flotilla.engine.migrate;

import dev.flotilla.engine.dialect.Dialect;
import dev.flotilla.engine.migrate.HistoryEntry.Action;
import dev.flotilla.engine.migrate.HistoryEntry.Outcome;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A target's history table: a row per step, stamp and repair. Rows are written on the caller's
 * connection and transaction, so a row can commit together with the step it records.
 */
final class HistoryTable {

    private static final String COLUMNS = "id, run_id, revision, direction, checksum, started_at, finished_at,"
            + " duration_ms, outcome, statements_done, statements_total, done_digest, error, applied_by";

    /** Error text is cut to this many characters: enough for any database message and its context. */
    private static final int MAX_ERROR = 4000;

    private final Dialect dialect;
    private final String schema;
    private final String name;
    private final String qualified;
    private final TimeColumns times;

    HistoryTable(Dialect dialect, String schema, String name) {
        this.dialect = dialect;
        this.schema = schema;
        this.name = name;
        this.qualified = dialect.sql().table(schema, name);
        this.times = new TimeColumns(dialect);
    }

    boolean exists(Connection connection) throws SQLException {
        return dialect.catalog().tableExists(connection, schema, name);
    }

    List<String> createStatements() {
        return dialect.sql().createHistoryTable(schema, name);
    }

    /** The columns a new row names, in the order {@link #bindRow} binds them. */
    private static final String INSERT_COLUMNS = "run_id, revision, direction, checksum, started_at, finished_at,"
            + " duration_ms, outcome, statements_done, statements_total, done_digest, error, applied_by";

    /** How many values {@link #bindRow} binds. */
    static final int INSERT_VALUES = 13;

    /** Inserts a row and returns its id. */
    long insert(Connection connection, HistoryEntry entry) throws SQLException {
        String sql = insertInto() + " VALUES (" + marks(INSERT_VALUES) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bindRow(insert, 1, entry);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the database returned no key for the row inserted into " + qualified);
                }
                return keys.getLong(1);
            }
        }
    }

    /** Inserts a row whose id no one needs (a finished step's): no generated key to fetch. */
    void add(Connection connection, HistoryEntry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                insertInto() + " VALUES (" + marks(INSERT_VALUES) + ")")) {
            bindRow(insert, 1, entry);
            insert.executeUpdate();
        }
    }

    /** {@code INSERT INTO <table> (<columns>)}: the start of a row's insert, for a statement to complete. */
    String insertInto() {
        return "INSERT INTO " + qualified + " (" + INSERT_COLUMNS + ")";
    }

    /** Binds a new row's {@link #INSERT_VALUES} values from parameter {@code first} on; returns the next index. */
    int bindRow(PreparedStatement insert, int first, HistoryEntry entry) throws SQLException {
        int i = first;
        insert.setString(i++, entry.runId());
        insert.setString(i++, entry.revision());
        insert.setString(i++, entry.action().column());
        insert.setString(i++, entry.checksum());
        times.set(insert, i++, entry.startedAt());
        times.set(insert, i++, entry.finishedAt());
        if (entry.durationMillis() == null) {
            insert.setNull(i++, Types.BIGINT);
        } else {
            insert.setLong(i++, entry.durationMillis());
        }
        insert.setString(i++, entry.outcome().column());
        insert.setInt(i++, entry.statementsDone());
        insert.setInt(i++, entry.statementsTotal());
        insert.setString(i++, entry.doneDigest());
        insert.setString(i++, cut(entry.error()));
        insert.setString(i++, entry.appliedBy());
        return i;
    }

    static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** Records that one more statement of a running step completed. */
    void progress(Connection connection, long id, int done, String digest) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + qualified + " SET statements_done = ?, done_digest = ? WHERE id = ?")) {
            update.setInt(1, done);
            update.setString(2, digest);
            update.setLong(3, id);
            update.executeUpdate();
        }
    }

    /** Closes a row: its outcome, end time, duration, progress and error. */
    void finish(Connection connection, long id, Outcome outcome, Instant finishedAt, long durationMillis,
                int done, String digest, String error) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + qualified + " SET "
                + finishAssignments(null) + " WHERE id = ?")) {
            int next = bindFinish(update, 1, outcome, finishedAt, durationMillis, done, digest, error);
            update.setLong(next, id);
            update.executeUpdate();
        }
    }

    /**
     * The assignments that close a row, each column prefixed by {@code alias} and a dot when it is not
     * null (for an UPDATE of two tables); bound by {@link #bindFinish}.
     */
    static String finishAssignments(String alias) {
        return FINISH_COLUMNS.replace("%s", alias == null ? "" : alias + ".");
    }

    private static final String FINISH_COLUMNS = "%soutcome = ?, %sfinished_at = ?, %sduration_ms = ?,"
            + " %sstatements_done = ?, %sdone_digest = ?, %serror = ?";

    /** Binds {@link #finishAssignments}' values from parameter {@code first} on; returns the next index. */
    int bindFinish(PreparedStatement update, int first, Outcome outcome, Instant finishedAt, long durationMillis,
                   int done, String digest, String error) throws SQLException {
        update.setString(first, outcome.column());
        times.set(update, first + 1, finishedAt);
        update.setLong(first + 2, durationMillis);
        update.setInt(first + 3, done);
        update.setString(first + 4, digest);
        update.setString(first + 5, cut(error));
        return first + 6;
    }

    String qualified() {
        return qualified;
    }

    /** Changes a row's outcome only (a dirty row becoming repaired). */
    void markOutcome(Connection connection, long id, Outcome outcome) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + qualified + " SET outcome = ? WHERE id = ?")) {
            update.setString(1, outcome.column());
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    /** The newest row still running or left dirty, if any. */
    Optional<HistoryEntry> unfinished(Connection connection) throws SQLException {
        List<HistoryEntry> rows = select(connection, " WHERE outcome IN ('running', 'dirty') ORDER BY id DESC");
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Every row, oldest first. */
    List<HistoryEntry> all(Connection connection) throws SQLException {
        return select(connection, " ORDER BY id");
    }

    /** Per revision, the checksum its newest applied upgrade ran with. */
    Map<String, String> appliedChecksums(Connection connection) throws SQLException {
        Map<String, String> checksums = new HashMap<>();
        for (HistoryEntry entry : select(connection,
                " WHERE direction = 'upgrade' AND outcome = 'applied' AND checksum IS NOT NULL ORDER BY id")) {
            checksums.put(entry.revision(), entry.checksum());
        }
        return checksums;
    }

    /** An offline script's row for a step: written as it will have run, with the server's clock. */
    String literalInsert(String runId, String revision, Action action, String checksum, int statements,
                         String appliedBy) {
        return "INSERT INTO " + qualified + " (run_id, revision, direction, checksum, started_at, finished_at,"
                + " duration_ms, outcome, statements_done, statements_total, applied_by) VALUES ("
                + literal(runId) + ", " + literal(revision) + ", " + literal(action.column()) + ", "
                + (checksum == null ? "NULL" : literal(checksum)) + ", CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0, "
                + literal(Outcome.APPLIED.column()) + ", " + statements + ", " + statements + ", "
                + literal(appliedBy) + ")";
    }

    private String literal(String value) {
        return dialect.sql().literal(value);
    }

    private List<HistoryEntry> select(Connection connection, String where) throws SQLException {
        List<HistoryEntry> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + qualified + where);
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                long duration = rs.getLong("duration_ms");
                Long durationMillis = rs.wasNull() ? null : duration;
                rows.add(new HistoryEntry(rs.getLong("id"), rs.getString("run_id"), rs.getString("revision"),
                        Action.ofColumn(rs.getString("direction")), rs.getString("checksum"),
                        times.get(rs, "started_at"), times.get(rs, "finished_at"), durationMillis,
                        Outcome.ofColumn(rs.getString("outcome")), rs.getInt("statements_done"),
                        rs.getInt("statements_total"), rs.getString("done_digest"), rs.getString("error"),
                        rs.getString("applied_by")));
            }
        }
        return rows;
    }

    private static String cut(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR - 1) + "…";
    }
}
