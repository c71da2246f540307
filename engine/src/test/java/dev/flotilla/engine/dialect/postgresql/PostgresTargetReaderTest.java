package dev.flotilla.engine.dialect.postgresql;

import dev.flotilla.engine.dialect.Dialect;
import dev.flotilla.engine.dialect.HistoryRow;
import dev.flotilla.engine.dialect.ReadScope;
import dev.flotilla.engine.dialect.TargetReaderContract;
import dev.flotilla.engine.dialect.TargetRows;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Properties;

import static dev.flotilla.engine.dialect.Queries.one;
import static dev.flotilla.engine.dialect.Queries.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Schemas of one database; names that need quoting; more schemas than one round of statements; history
 * tables read whole by COPY (any text, any session time zone) and, past the COPY limit, through the index.
 */
@DatabaseTest(DatabaseKind.POSTGRESQL)
class PostgresTargetReaderTest extends TargetReaderContract {

    private final Dialect dialect = new PostgresDialect();
    private TestDatabase db;
    private String prefix;

    @BeforeEach
    void database(TestDatabase db) {
        this.db = db;
        this.prefix = "Read \"" + Long.toHexString(System.nanoTime()) + "\"; ";
    }

    @Override
    protected Dialect dialect() {
        return dialect;
    }

    @Override
    protected Connection connect() throws SQLException {
        return db.connect();
    }

    @Override
    protected String createPlace(Connection connection, String suffix) throws SQLException {
        String schema = prefix + suffix;
        run(connection, "CREATE SCHEMA " + dialect.sql().quote(schema));
        return schema;
    }

    @Override
    protected String missingPlace() {
        return prefix + "never created";
    }

    @Override
    protected Object time(Instant time) {
        return OffsetDateTime.ofInstant(time, ZoneOffset.UTC);
    }

    /** Past one round of 50 statements of 10 schemas. */
    @Override
    protected int manyPlaces() {
        return PostgresTargetReader.SCHEMAS_PER_STATEMENT * PostgresTargetReader.STATEMENTS_PER_ROUND + 7;
    }

    @Test
    void aHistoryRowComesBackExactlyWhateverItsTextAndTheSessionsTimeZone() throws Exception {
        String error = "line 1\tcolumn 2\nline 2\r\n back\\slash \\N caf\u00e9 \u2603";
        try (Connection connection = connect()) {
            String place = placeAt(connection, "text", "a1");
            // Amsterdam kept local mean time until 1937: the server writes this time with a seconds offset.
            run(connection, "SET TimeZone = 'Europe/Amsterdam'");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + dialect.sql().table(place, HISTORY)
                    + " (run_id, revision, direction, checksum, started_at, finished_at, duration_ms, outcome,"
                    + " statements_done, statements_total, done_digest, error, applied_by) VALUES ('run\t1', 'b2',"
                    + " 'upgrade', NULL, '1920-02-01 12:00:00.123456+00', NULL, NULL, 'dirty', 2, 5, NULL, ?, 'ops')")) {
                insert.setString(1, error);
                insert.executeUpdate();
            }

            TargetRows rows = readOne(connection, place, ReadScope.STATUS);

            HistoryRow expected = new HistoryRow(1, "run\t1", "b2", "upgrade", null,
                    Instant.parse("1920-02-01T12:00:00.123456Z"), null, null, "dirty", 2, 5, null, error, "ops");
            assertThat(rows.versions()).containsExactly("a1");
            assertThat(rows.dirtyStep()).contains(expected);
            assertThat(rows.newest()).contains(expected);
        }
    }

    @Test
    void aHistoryTablePastTheCopyLimitGivesTheSameRowsThroughItsIndex() throws Exception {
        try (Connection connection = connect()) {
            String place = placeAt(connection, "long", "r400");
            String history = dialect.sql().table(place, HISTORY);
            run(connection, "INSERT INTO " + history + " (run_id, revision, direction, started_at, finished_at,"
                    + " duration_ms, outcome, statements_done, statements_total, error, applied_by)"
                    + " SELECT 'run-1', 'r' || i, 'upgrade', TIMESTAMPTZ '2024-05-01 10:00:00+00', NULL, 5,"
                    + " CASE WHEN i = 150 THEN 'dirty' ELSE 'applied' END, 1, 1, repeat('x', 300), 'ops'"
                    + " FROM generate_series(1, 400) i");
            assertThat(Long.parseLong(one(connection, "SELECT pg_relation_size('" + history.replace("'", "''") + "')")))
                    .isGreaterThan(PostgresTargetReader.COPY_LIMIT_BYTES);

            TargetRows status = readOne(connection, place, ReadScope.STATUS);
            TargetRows planning = readOne(connection, place, ReadScope.PLANNING);

            assertThat(status.versions()).containsExactly("r400");
            assertThat(status.dirtyStep().map(HistoryRow::revision)).contains("r150");
            assertThat(status.newest().map(HistoryRow::revision)).contains("r400");
            assertThat(status.newest().map(HistoryRow::id)).contains(400L);
            assertThat(planning.versions()).containsExactly("r400");
            assertThat(planning.dirtyStep()).isEqualTo(status.dirtyStep());
            assertThat(planning.newest()).isEqualTo(Optional.empty());
        }
    }

    @Test
    void aHistoryTableWithInheritanceChildrenIsReadWithTheirRows() throws Exception {
        try (Connection connection = connect()) {
            String place = placeAt(connection, "inherited", "a1");
            String child = dialect.sql().table(place, "flotilla_history_2026");
            run(connection, "CREATE TABLE " + child + " () INHERITS (" + dialect.sql().table(place, HISTORY) + ")",
                    "INSERT INTO " + child + " (id, run_id, revision, direction, started_at, outcome, applied_by)"
                            + " VALUES (1, 'run-1', 'a1', 'upgrade', now(), 'applied', 'ops'),"
                            + " (2, 'run-2', 'b2', 'upgrade', now(), 'dirty', 'ops')");

            TargetRows status = readOne(connection, place, ReadScope.STATUS);
            TargetRows planning = readOne(connection, place, ReadScope.PLANNING);

            assertThat(status.dirtyStep().map(HistoryRow::id)).contains(2L);
            assertThat(status.newest().map(HistoryRow::id)).contains(2L);
            assertThat(planning.dirtyStep().map(HistoryRow::revision)).contains("b2");
        }
    }

    @Test
    void aConnectionInAnotherClientEncodingReadsTheSameText() throws Exception {
        try (Connection setup = connect()) {
            String place = placeAt(setup, "latin1", "a1");
            run(setup, "INSERT INTO " + dialect.sql().table(place, HISTORY) + " (run_id, revision, direction,"
                    + " started_at, outcome, applied_by) VALUES ('run-1', 'a1', 'upgrade', now(), 'applied',"
                    + " 'Jos\u00e9 M\u00fcller')");
            Properties properties = new Properties();
            properties.setProperty("user", db.user());
            properties.setProperty("password", db.password());
            properties.setProperty("allowEncodingChanges", "true");
            try (Connection latin1 = DriverManager.getConnection(db.jdbcUrl(), properties)) {
                run(latin1, "SET client_encoding = 'LATIN1'");

                TargetRows rows = readOne(latin1, place, ReadScope.STATUS);

                assertThat(rows.newest().map(HistoryRow::appliedBy)).contains("Jos\u00e9 M\u00fcller");
            }
        }
    }

    /**
     * A planning read leaves unopened a history table that never held an unfinished row, as its partial
     * index of them says: another session's lock on the table does not hold the read up, while a status
     * read, which wants the newest row, waits for it.
     */
    @Test
    void aPlanningReadDoesNotOpenAHistoryTableThatNeverHeldAnUnfinishedRow() throws Exception {
        try (Connection connection = connect(); Connection locker = connect()) {
            String place = placeAt(connection, "never unfinished", "a1");
            run(connection, historyRow(place, "applied"));
            lockHistory(locker, place, "ACCESS EXCLUSIVE", connection);

            TargetRows planning = readOne(connection, place, ReadScope.PLANNING);

            assertThat(planning.versions()).containsExactly("a1");
            assertThat(planning.dirtyStep()).isEmpty();
            assertLockTimeout(() -> readOne(connection, place, ReadScope.STATUS));
            locker.rollback();
        }
    }

    /** An index that once held an entry stays bigger than one page through VACUUM: that table is read. */
    @Test
    void aHistoryTableThatOnceHeldARunningRowIsReadByEveryPlanningRead() throws Exception {
        try (Connection connection = connect(); Connection locker = connect()) {
            String place = placeAt(connection, "once running", "a1");
            String history = dialect.sql().table(place, HISTORY);
            run(connection, historyRow(place, "running"), "UPDATE " + history + " SET outcome = 'applied'",
                    "VACUUM " + history);
            lockHistory(locker, place, "ACCESS EXCLUSIVE", connection);

            assertLockTimeout(() -> readOne(connection, place, ReadScope.PLANNING));
            locker.rollback();
            run(connection, "RESET lock_timeout");
            assertThat(readOne(connection, place, ReadScope.PLANNING).dirtyStep()).isEmpty();
        }
    }

    /** A history table made before the partial index existed is read as it always was. */
    @Test
    void aHistoryTableWithoutThePartialIndexIsReadAndItsDirtyStepFound() throws Exception {
        try (Connection connection = connect()) {
            String place = placeAt(connection, "no index", "a1");
            run(connection, "DROP INDEX " + dialect.sql().table(place, PostgresSql.unfinishedIndex(HISTORY)),
                    "INSERT INTO " + dialect.sql().table(place, HISTORY) + " (run_id, revision, direction,"
                            + " started_at, outcome, statements_done, statements_total, applied_by)"
                            + " VALUES ('run-1', 'b2', 'upgrade', now(), 'dirty', 1, 3, 'ops')");

            TargetRows planning = readOne(connection, place, ReadScope.PLANNING);

            assertThat(planning.versions()).containsExactly("a1");
            assertThat(planning.dirtyStep().map(HistoryRow::revision)).contains("b2");
        }
    }

    /**
     * The table statements every locked run sends take no lock on a history table that has its index:
     * another session's SHARE UPDATE EXCLUSIVE lock (a VACUUM's) or an open insert does not hold them up.
     */
    @Test
    void theTableStatementsTakeNoLockOnAHistoryTableThatHasItsIndex() throws Exception {
        try (Connection connection = connect(); Connection other = connect()) {
            String place = placeAt(connection, "busy", "a1");
            lockHistory(other, place, "SHARE UPDATE EXCLUSIVE", connection);
            run(other, historyRow(place, "applied"));

            tables(connection, place);

            other.rollback();
            assertThat(one(connection, "SELECT count(*) FROM pg_indexes WHERE schemaname = '"
                    + place.replace("'", "''") + "' AND indexname = 'flotilla_history_unfinished'")).isEqualTo("1");
        }
    }

    /**
     * A history table that another role owns (made before the index existed, say) keeps working for a role
     * that may write it but not index it: the table statements leave it without the index, and it is read.
     */
    @Test
    void aHistoryTableOfAnotherOwnerIsLeftWithoutTheIndexAndRead() throws Exception {
        String role = "flotilla_reader_" + Long.toHexString(System.nanoTime());
        try (Connection connection = connect()) {
            try {
                run(connection, "CREATE ROLE " + role);
            } catch (SQLException e) {
                org.junit.jupiter.api.Assumptions.assumeTrue(false,
                        "the test user cannot create a role on " + db + ": " + e.getMessage());
            }
            try {
                String place = createPlace(connection, "other owner");
                String schema = dialect.sql().quote(place);
                run(connection, "GRANT USAGE, CREATE ON SCHEMA " + schema + " TO " + role,
                        dialect.sql().createVersionTable(place, VERSION).get(0),
                        dialect.sql().createHistoryTable(place, HISTORY).get(0),
                        "GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA " + schema + " TO " + role,
                        "INSERT INTO " + dialect.sql().table(place, VERSION) + " VALUES ('a1')",
                        "INSERT INTO " + dialect.sql().table(place, HISTORY) + " (run_id, revision, direction,"
                                + " started_at, outcome, statements_done, statements_total, applied_by)"
                                + " VALUES ('run-1', 'b2', 'upgrade', now(), 'dirty', 1, 3, 'ops')",
                        "SET ROLE " + role);

                tables(connection, place);
                TargetRows planning = readOne(connection, place, ReadScope.PLANNING);

                assertThat(one(connection, "SELECT count(*) FROM pg_indexes WHERE schemaname = '"
                        + place.replace("'", "''") + "' AND indexname = 'flotilla_history_unfinished'")).isEqualTo("0");
                assertThat(planning.dirtyStep().map(HistoryRow::revision)).contains("b2");
            } finally {
                run(connection, "RESET ROLE", "DROP OWNED BY " + role, "DROP ROLE " + role);
            }
        }
    }

    /** A minimal history row of {@code place} with {@code outcome}. */
    private String historyRow(String place, String outcome) {
        return "INSERT INTO " + dialect.sql().table(place, HISTORY) + " (run_id, revision, direction, started_at,"
                + " outcome, applied_by) VALUES ('run-1', 'a1', 'upgrade', now(), '" + outcome + "', 'ops')";
    }

    /**
     * {@code holder} takes a lock of {@code mode} on {@code place}'s history table in a transaction left
     * open; {@code waiter} then gives up waiting for a lock after 300 ms.
     */
    private void lockHistory(Connection holder, String place, String mode, Connection waiter) throws SQLException {
        holder.setAutoCommit(false);
        run(holder, "LOCK TABLE " + dialect.sql().table(place, HISTORY) + " IN " + mode + " MODE");
        run(waiter, "SET lock_timeout = '300ms'");
    }

    private static void assertLockTimeout(org.assertj.core.api.ThrowableAssert.ThrowingCallable read) {
        assertThatThrownBy(read).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo("55P03"));
    }
}
