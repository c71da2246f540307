package dev.flotilla.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Inserts records into the journal table over one connection held for the run, in auto-commit: each row
 * is committed before {@link #append} returns, so a killed orchestrator leaves every finished tenant
 * recorded. The header row (seq 0) is the run's primary key, so a second journal for the same id fails.
 * Not thread-safe: {@link RecordingJournal} serialises calls.
 */
final class SqlSink implements JournalSink {

    private final ControlDatabase database;
    private final JournalTable table;
    private final String location;
    private Connection connection;
    private PreparedStatement insert;
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
            insert = connection.prepareStatement(table.insert());
            insert(JournalCodec.RUN, null, null, record);
        } catch (SQLException e) {
            JournalException failure = new JournalException(beginFailure(e), e);
            closeQuietly(failure);
            throw failure;
        }
    }

    /** SQLSTATE class 23 on the header row is its primary key: the run id is taken. */
    private String beginFailure(SQLException e) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
            return "a journal for run " + runId + " already exists in " + location;
        }
        return "cannot begin the journal of run " + runId + " in " + location + ": " + e.getMessage()
                + " (SQLSTATE " + e.getSQLState() + ")";
    }

    @Override
    public void append(String type, String tenant, String outcome, String record) {
        try {
            insert(type, tenant, outcome, record);
        } catch (SQLException e) {
            throw new JournalException("cannot record " + (tenant == null ? "the end of run " + runId
                    : "tenant " + tenant + " of run " + runId) + " in " + location + ": " + e.getMessage()
                    + " (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new JournalException("cannot close the journal connection to " + location + ": " + e.getMessage(), e);
        }
    }

    private void insert(String type, String tenant, String outcome, String record) throws SQLException {
        insert.setString(1, runId);
        insert.setInt(2, seq);
        insert.setString(3, type);
        insert.setString(4, tenant);
        insert.setString(5, outcome);
        insert.setString(6, record);
        insert.executeUpdate();
        seq++;
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
}
