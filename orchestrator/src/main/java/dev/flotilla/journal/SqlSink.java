package dev.flotilla.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Inserts records into the journal table over one connection held for the run, in auto-commit.
 *
 * <p>A record that matters for {@code --resume} and {@code --undo} (a tenant that started, moved, failed,
 * was locked or skipped; the end) is committed before {@link #append} returns, so a killed orchestrator
 * leaves every such tenant recorded. Records of tenants found already at the target are held back
 * ({@link HoldBack}) and inserted with the next record that matters, or in groups of {@value HoldBack#GROUP}
 * in one multi-row INSERT: a no-op run over 10,000 tenants then costs 20 round trips instead of 10,000.
 *
 * <p>The header row (seq 0) is the run's primary key, so a second journal for the same id fails. Not
 * thread-safe: {@link RecordingJournal} serialises calls.
 */
final class SqlSink implements JournalSink {

    private final ControlDatabase database;
    private final JournalTable table;
    private final String location;
    private final List<Row> pending = new ArrayList<>();
    private Connection connection;
    private String runId;
    private int seq;

    SqlSink(ControlDatabase database, JournalTable table, String location) {
        this.database = database;
        this.table = table;
        this.location = location;
    }

    @Override
    public void create(RunHeader header, String record) {
        runId = header.runId();
        try {
            connection = database.connect();
            connection.setAutoCommit(true);
            table.createIfMissing(connection);
            pending.add(new Row(seq++, JournalCodec.RUN, null, null, record));
            flush();
        } catch (SQLException e) {
            JournalException failure = new JournalException(beginFailure(e), e);
            closeQuietly(failure);
            throw failure;
        }
    }

    @Override
    public void append(String type, String tenant, String outcome, String record) {
        pending.add(new Row(seq++, type, tenant, outcome, record));
        // At most 500 rows an INSERT: 3,000 parameters, well under PostgreSQL's 32,767 and MySQL's 65,535.
        if (!HoldBack.mayWait(outcome) || pending.size() >= HoldBack.GROUP) {
            flushOrFail();
        }
    }

    @Override
    public void close() {
        try {
            flushOrFail();
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new JournalException("cannot close the journal connection to " + location + ": " + e.getMessage(), e);
            }
        }
    }

    private void flushOrFail() {
        try {
            flush();
        } catch (SQLException e) {
            throw new JournalException("cannot record " + pending.size() + " record(s) of run " + runId + " in "
                    + location + ": " + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    private void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(table.insert(pending.size()))) {
            int parameter = 1;
            for (Row row : pending) {
                parameter = row.bind(insert, runId, parameter);
            }
            insert.executeUpdate();
        }
        pending.clear();
    }

    /** SQLSTATE class 23 on the header row is its primary key: the run id is taken. */
    private String beginFailure(SQLException e) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
            return "a journal for run " + runId + " already exists in " + location;
        }
        return "cannot begin the journal of run " + runId + " in " + location + ": " + e.getMessage()
                + " (SQLSTATE " + e.getSQLState() + ")";
    }

    private void closeQuietly(JournalException failure) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** One row of the table, waiting to be inserted. */
    private record Row(int seq, String kind, String tenant, String outcome, String entry) {

        int bind(PreparedStatement insert, String runId, int first) throws SQLException {
            insert.setString(first, runId);
            insert.setInt(first + 1, seq);
            insert.setString(first + 2, kind);
            insert.setString(first + 3, tenant);
            insert.setString(first + 4, outcome);
            insert.setString(first + 5, entry);
            return first + 6;
        }
    }
}
