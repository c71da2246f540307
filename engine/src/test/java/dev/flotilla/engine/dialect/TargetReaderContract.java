package dev.flotilla.engine.dialect;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.flotilla.engine.dialect.Queries.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every dialect's {@link TargetReader} must do, on targets built with the dialect's own DDL: report
 * missing places, places without tables, version rows (several heads), the newest history row with every
 * column, the dirty step, and a running step as dirty only when no run holds the target's lock.
 */
public abstract class TargetReaderContract {

    protected static final String VERSION = "flotilla_version";
    protected static final String HISTORY = "flotilla_history";
    /** Whole seconds: Connector/J writes a LocalDateTime to MariaDB without its fraction. */
    private static final Instant STARTED = Instant.parse("2024-05-01T10:00:00Z");
    private static final Instant FINISHED = Instant.parse("2024-05-01T10:00:02Z");

    protected abstract Dialect dialect();

    /** A connection on which every place this test creates can be read. */
    protected abstract Connection connect() throws SQLException;

    /** Creates an empty place (schema, database, attached file) named after {@code suffix}; returns its name. */
    protected abstract String createPlace(Connection connection, String suffix) throws SQLException;

    /** A name no place has. */
    protected abstract String missingPlace();

    /** The value a time column takes for {@code time}, as the runner writes it in this dialect. */
    protected abstract Object time(Instant time);

    @Test
    void readsEveryStateInTheOrderAskedWithDuplicates() throws Exception {
        try (Connection connection = connect()) {
            String empty = createPlace(connection, "empty");
            String heads = createPlace(connection, "heads");
            String dirty = createPlace(connection, "dirty");
            String fresh = createPlace(connection, "fresh");
            tables(connection, heads);
            version(connection, heads, "a1", "b2");
            history(connection, heads, "a1", "applied", null);
            history(connection, heads, "b2", "applied", null);
            tables(connection, dirty);
            version(connection, dirty, "a1");
            history(connection, dirty, "a1", "applied", null);
            history(connection, dirty, "c3", "dirty", "syntax error at <&> \"x\"");
            history(connection, dirty, "c3", "failed", "later failure");
            tables(connection, fresh);

            List<TargetRows> rows = dialect().reader().read(connection,
                    List.of(heads, missingPlace(), empty, dirty, fresh, heads), VERSION, HISTORY);

            assertThat(rows).extracting(TargetRows::target)
                    .containsExactly(heads, missingPlace(), empty, dirty, fresh, heads);
            assertThat(rows.get(0).versions()).containsExactlyInAnyOrder("a1", "b2");
            assertThat(rows.get(0).versioned()).isTrue();
            assertThat(rows.get(0).dirtyStep()).isEmpty();
            assertThat(rows.get(0).newest().map(HistoryRow::revision)).contains("b2");
            assertThat(rows.get(1)).isEqualTo(TargetRows.missing(missingPlace()));
            assertThat(rows.get(2)).isEqualTo(new TargetRows(empty, true, false, List.of(), Optional.empty(),
                    Optional.empty()));
            assertThat(rows.get(3).versions()).containsExactly("a1");
            assertThat(rows.get(3).dirtyStep()).contains(new HistoryRow(2, "run-1", "c3", "upgrade", "abc123",
                    STARTED, FINISHED, 2377L, "dirty", 1, 3, "d1g", "syntax error at <&> \"x\"", "tester"));
            assertThat(rows.get(3).newest().map(HistoryRow::outcome)).contains("failed");
            assertThat(rows.get(3).newest().map(HistoryRow::error)).contains("later failure");
            assertThat(rows.get(4)).isEqualTo(new TargetRows(fresh, true, true, List.of(), Optional.empty(),
                    Optional.empty()));
            assertThat(rows.get(5)).isEqualTo(rows.get(0));
        }
    }

    @Test
    void aRunningStepIsDirtyOnlyWhenNoRunHoldsTheLock() throws Exception {
        try (Connection connection = connect()) {
            String place = placeAt(connection, "running", "a1");
            history(connection, place, "a1", "applied", null);
            history(connection, place, "b2", "running", null);
            try (Connection holder = connectForLock(place);
                 TargetLock lock = dialect().locks().acquire(holder, lockTarget(place), VERSION, Duration.ZERO)) {
                TargetRows locked = readOne(connection, place, ReadScope.STATUS);
                assertThat(locked.dirtyStep()).isEmpty();
                assertThat(locked.newest().map(HistoryRow::outcome)).contains("running");
            }
            TargetRows orphaned = readOne(connection, place, ReadScope.STATUS);
            assertThat(orphaned.dirtyStep().map(HistoryRow::revision)).contains("b2");
            assertThat(orphaned.dirtyStep().map(HistoryRow::isRunning)).contains(true);
        }
    }

    @Test
    void aPlanningReadHasTheVersionRowsAndTheDirtyStepButNoNewestRow() throws Exception {
        try (Connection connection = connect()) {
            String heads = createPlace(connection, "pheads");
            String dirty = createPlace(connection, "pdirty");
            String fresh = createPlace(connection, "pfresh");
            String empty = createPlace(connection, "pempty");
            tables(connection, heads);
            version(connection, heads, "a1", "b2");
            history(connection, heads, "a1", "applied", null);
            history(connection, heads, "b2", "failed", "rolled back");
            tables(connection, dirty);
            version(connection, dirty, "c3");
            history(connection, dirty, "c3", "applied", null);
            history(connection, dirty, "c3", "dirty", "the downgrade of c3 broke");
            history(connection, dirty, "c3", "dirty", "a second try broke too");
            history(connection, dirty, "a1", "applied", null);
            tables(connection, fresh);

            List<TargetRows> rows = dialect().reader().read(connection,
                    List.of(heads, missingPlace(), dirty, fresh, empty), VERSION, HISTORY, ReadScope.PLANNING);

            assertThat(rows).extracting(TargetRows::newest).containsOnly(Optional.empty());
            assertThat(rows.get(0)).isEqualTo(new TargetRows(heads, true, true, rows.get(0).versions(),
                    Optional.empty(), Optional.empty()));
            assertThat(rows.get(0).versions()).containsExactlyInAnyOrder("a1", "b2");
            assertThat(rows.get(1)).isEqualTo(TargetRows.missing(missingPlace()));
            assertThat(rows.get(2).versions()).containsExactly("c3");
            assertThat(rows.get(2).dirtyStep()).contains(new HistoryRow(3, "run-1", "c3", "upgrade", "abc123",
                    STARTED, FINISHED, 2377L, "dirty", 1, 3, "d1g", "a second try broke too", "tester"));
            assertThat(rows.get(3)).isEqualTo(new TargetRows(fresh, true, true, List.of(), Optional.empty(),
                    Optional.empty()));
            assertThat(rows.get(4)).isEqualTo(new TargetRows(empty, true, false, List.of(), Optional.empty(),
                    Optional.empty()));
        }
    }

    @Test
    void aPlanningReadCountsARunningStepAsDirtyOnlyWhenNoRunHoldsTheLock() throws Exception {
        try (Connection connection = connect()) {
            String place = placeAt(connection, "prunning", "a1");
            history(connection, place, "a1", "applied", null);
            history(connection, place, "b2", "running", null);
            try (Connection holder = connectForLock(place);
                 TargetLock lock = dialect().locks().acquire(holder, lockTarget(place), VERSION, Duration.ZERO)) {
                TargetRows locked = readOne(connection, place, ReadScope.PLANNING);
                assertThat(locked.dirtyStep()).isEmpty();
                assertThat(locked.newest()).isEmpty();
            }
            TargetRows orphaned = readOne(connection, place, ReadScope.PLANNING);
            assertThat(orphaned.dirtyStep().map(HistoryRow::revision)).contains("b2");
            assertThat(orphaned.dirtyStep().map(HistoryRow::isRunning)).contains(true);
        }
    }

    @Test
    void readsManyPlacesAcrossStatementBoundaries() throws Exception {
        try (Connection connection = connect()) {
            List<String> places = new ArrayList<>();
            for (int i = 0; i < manyPlaces(); i++) {
                places.add(placeAt(connection, "m" + i, "r" + i));
            }
            List<TargetRows> rows = dialect().reader().read(connection, places, VERSION, HISTORY);
            for (int i = 0; i < places.size(); i++) {
                assertThat(rows.get(i).versions()).as(places.get(i)).containsExactly("r" + i);
            }
        }
    }

    /** More places than one statement reads. */
    protected int manyPlaces() {
        return 60;
    }

    /** A connection for another run, from which that run takes the place's lock. */
    protected Connection connectForLock(String place) throws SQLException {
        return connect();
    }

    /** The schema argument that run passes to the lock. */
    protected String lockTarget(String place) {
        return place;
    }

    /** A new place, named after {@code suffix}, with both tables and {@code revisions} as its version rows. */
    protected String placeAt(Connection connection, String suffix, String... revisions) throws SQLException {
        String place = createPlace(connection, suffix);
        tables(connection, place);
        version(connection, place, revisions);
        return place;
    }

    /** What the reader says of {@code place} alone, reading as much history as {@code scope} asks. */
    protected TargetRows readOne(Connection connection, String place, ReadScope scope) throws SQLException {
        return dialect().reader().read(connection, List.of(place), VERSION, HISTORY, scope).get(0);
    }

    protected void tables(Connection connection, String place) throws SQLException {
        List<String> statements = new ArrayList<>(dialect().sql().createVersionTable(place, VERSION));
        statements.addAll(dialect().sql().createHistoryTable(place, HISTORY));
        run(connection, statements.toArray(String[]::new));
    }

    protected void version(Connection connection, String place, String... revisions) throws SQLException {
        for (String revision : revisions) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO "
                    + dialect().sql().table(place, VERSION) + " (version_num) VALUES (?)")) {
                insert.setString(1, revision);
                insert.executeUpdate();
            }
        }
    }

    private void history(Connection connection, String place, String revision, String outcome, String error)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO "
                + dialect().sql().table(place, HISTORY) + " (run_id, revision, direction, checksum, started_at,"
                + " finished_at, duration_ms, outcome, statements_done, statements_total, done_digest, error,"
                + " applied_by) VALUES ('run-1', ?, 'upgrade', 'abc123', ?, ?, 2377, ?, 1, 3, 'd1g', ?, 'tester')")) {
            insert.setString(1, revision);
            insert.setObject(2, time(STARTED));
            insert.setObject(3, time(FINISHED));
            insert.setString(4, outcome);
            insert.setString(5, error);
            insert.executeUpdate();
        }
    }
}
