package dev.flotilla.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Journals in a table of the control database, for fleets whose registry is a SQL source: every
 * orchestrator that reads that registry sees the same runs, wherever it was started. The table
 * ({@value JournalTable#DEFAULT} unless named otherwise) is created when missing. Plain JDBC, tested on
 * PostgreSQL and MariaDB. Thread-safe: it holds no connection; each journal holds one for its run.
 */
public final class SqlJournalStore implements JournalStore {

    private final ControlDatabase database;
    private final JournalTable table;
    private final String location;
    private final JournalCodec codec = new JournalCodec();

    /**
     * @param database    connections to the control database
     * @param table       the table's name, a plain identifier
     * @param description where the database is, for messages: a server name or a masked URL, never a password
     */
    public SqlJournalStore(ControlDatabase database, String table, String description) {
        this.database = database;
        this.table = new JournalTable(table);
        this.location = "table " + table + " on " + description;
    }

    /** The store on {@value JournalTable#DEFAULT}. */
    public static SqlJournalStore inDefaultTable(ControlDatabase database, String description) {
        return new SqlJournalStore(database, JournalTable.DEFAULT, description);
    }

    @Override
    public RunJournal journal() {
        return new RecordingJournal(new SqlSink(database, table, location), codec);
    }

    @Override
    public RecordedRun read(String runId) {
        List<String> records = query(table.selectRun(), RunIds.requireValid(runId));
        if (records.isEmpty()) {
            throw new UnknownRunException(runId, location, runs());
        }
        return new JournalReader(codec).read(location + ", run " + runId, records);
    }

    @Override
    public List<RunHeader> runs() {
        return query(table.selectHeaders(), null).stream()
                .map(this::headerOf).flatMap(Optional::stream)
                .sorted(FileJournalStore.newestFirst())
                .toList();
    }

    @Override
    public String location() {
        return location;
    }

    private List<String> query(String sql, String runId) {
        try (Connection connection = database.connect()) {
            table.createIfMissing(connection);
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                if (runId != null) {
                    select.setString(1, runId);
                }
                return entries(select);
            }
        } catch (SQLException e) {
            throw new JournalException("cannot read the run journals in " + location + ": " + e.getMessage()
                    + " (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    private static List<String> entries(PreparedStatement select) throws SQLException {
        List<String> entries = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                entries.add(rows.getString(1));
            }
        }
        return entries;
    }

    private Optional<RunHeader> headerOf(String record) {
        try {
            return Optional.of(codec.toHeader(codec.parse(record)));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
