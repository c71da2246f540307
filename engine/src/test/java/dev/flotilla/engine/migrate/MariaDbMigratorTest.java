package dev.flotilla.engine.migrate;

import dev.flotilla.engine.EngineException;
import dev.flotilla.engine.dialect.Timeouts;
import dev.flotilla.engine.migrate.HistoryEntry.Action;
import dev.flotilla.engine.migrate.HistoryEntry.Outcome;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The runner on MySQL/MariaDB, where DDL commits by itself: progress is recorded after every statement,
 * and a step that fails part-way leaves the target dirty at the exact statement until it is repaired.
 */
@DatabaseTest(DatabaseKind.MYSQL)
class MariaDbMigratorTest extends MigratorContract {

    static final String FAILING = "CREATE TABLE tag (id INTEGER PRIMARY KEY);\nINSERT INTO nowhere VALUES (1);\n"
            + "CREATE TABLE later (id INTEGER PRIMARY KEY);";

    private TestDatabase db;

    @BeforeEach
    void freshDatabase(TestDatabases databases) {
        db = databases.createExtra(DatabaseKind.MYSQL);
    }

    @Override
    Connection connect() throws SQLException {
        return db.connect();
    }

    @Override
    List<String> tables(Connection connection) throws SQLException {
        return strings(connection, "SELECT LOWER(table_name) FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() ORDER BY 1");
    }

    @Test
    void aStepThatFailsPartWayLeavesTheTargetDirtyAtTheExactStatement() throws Exception {
        scripts.revision("c3", "b2", FAILING, "DROP TABLE later;\nDROP TABLE tag;");
        try (Connection connection = connect()) {
            assertThatThrownBy(() -> migrator().upgrade(connection, null, "heads"))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining(": upgrade to c3 failed at statement 2 of 3 (" + scripts.file("c3")
                            + " line 7): ")
                    .hasMessageContaining("code 1146")
                    .hasMessageContaining("the target is now dirty")
                    .satisfies(e -> assertThat(((MigrationException) e).leftDirty()).isTrue());

            assertThat(tables(connection)).containsExactly("account", "flotilla_history", "flotilla_version",
                    "project", "tag");
            TargetStatus status = migrator().status(connection, null);
            assertThat(status.revisions()).containsExactly("b2");
            assertThat(status.dirtyStep()).get()
                    .extracting(HistoryEntry::revision, HistoryEntry::outcome, HistoryEntry::statementsDone,
                            HistoryEntry::statementsTotal)
                    .containsExactly("c3", Outcome.DIRTY, 1, 3);
        }
    }

    @Test
    void aFirstStatementRefusedByALockTimeoutLeavesTheTargetCleanSoTheStepMayBeTriedAgain() throws Exception {
        scripts.revision("c3", "b2", "ALTER TABLE account ADD COLUMN note VARCHAR(20);\nCREATE TABLE later (id INTEGER);",
                "DROP TABLE later;\nALTER TABLE account DROP COLUMN note;");
        Migrator impatient = new Migrator(scripts.load(), MigratorSettings.defaults("tester@test")
                .withTimeouts(new Timeouts(Duration.ofSeconds(1), Duration.ZERO)), MigrationListener.NONE);
        try (Connection connection = connect(); Connection holder = connect()) {
            migrator().upgrade(connection, null, "b2");
            holder.setAutoCommit(false);
            try (Statement read = holder.createStatement()) {
                read.executeQuery("SELECT * FROM account").close(); // its transaction holds account's metadata lock
            }
            assertThatThrownBy(() -> impatient.upgrade(connection, null, "heads"))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining(": upgrade to c3 failed at statement 1 of 2 (")
                    .hasMessageContaining("code 1205")
                    .hasMessageContaining("no statement of this step had run: the target is at the revision before it")
                    .satisfies(e -> assertThat(((MigrationException) e).leftDirty()).isFalse())
                    .satisfies(e -> assertThat(((MigrationException) e).isTransient()).isTrue());
            assertFailedCleanBeforeC3(connection);

            holder.commit();
            assertThat(impatient.upgrade(connection, null, "heads").steps()).hasSize(1);
            assertThat(migrator().status(connection, null).revisions()).containsExactly("c3");
        }
    }

    @Test
    void aFirstStatementRefusedAsATableThatExistsLeavesTheTargetCleanAndTheStepRunsInFullOnceItIsGone()
            throws Exception {
        scripts.revision("c3", "b2", "CREATE TABLE later (id INTEGER);\nCREATE TABLE after_later (id INTEGER);",
                "DROP TABLE after_later;\nDROP TABLE later;");
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            migrator().upgrade(connection, null, "b2");
            statement.execute("CREATE TABLE later (planted INTEGER)");

            assertThatThrownBy(() -> migrator().upgrade(connection, null, "heads"))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining(": upgrade to c3 failed at statement 1 of 2 (")
                    .hasMessageContaining("code 1050")
                    .hasMessageContaining("no statement of this step had run: the target is at the revision before it")
                    .satisfies(e -> assertThat(((MigrationException) e).leftDirty()).isFalse())
                    .satisfies(e -> assertThat(((MigrationException) e).isTransient()).isFalse());
            assertFailedCleanBeforeC3(connection);

            statement.execute("DROP TABLE later");
            assertThat(migrator().upgrade(connection, null, "heads").steps()).hasSize(1);
            assertThat(migrator().status(connection, null).revisions()).containsExactly("c3");
            assertThat(tables(connection)).contains("later", "after_later");
        }
    }

    @Test
    void aWholeSectionRefusedAfterItsFirstStatementRanIsDirtyThoughTheServerReportsOneStatement() throws Exception {
        scripts.write("c3", """
                -- revision: c3
                -- down_revision: b2

                -- migrate:upgrade dialect=mysql whole
                CREATE TABLE made_first (id INTEGER);
                CREATE TABLE later (id INTEGER);

                -- migrate:downgrade
                DROP TABLE later;
                DROP TABLE made_first;
                """);
        try (Connection connection = java.sql.DriverManager.getConnection(db.jdbcUrl()
                + (db.jdbcUrl().contains("?") ? "&" : "?") + "allowMultiQueries=true", db.user(), db.password());
             Statement statement = connection.createStatement()) {
            migrator().upgrade(connection, null, "b2");
            statement.execute("CREATE TABLE later (planted INTEGER)");

            // the server ran made_first, then refused later (1050): one statement to the driver, not one change
            assertThatThrownBy(() -> migrator().upgrade(connection, null, "heads"))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("code 1050")
                    .satisfies(e -> assertThat(((MigrationException) e).leftDirty()).isTrue());
            assertThat(tables(connection)).contains("made_first");
            assertDirtyAtC3BeforeItsFirstStatement(connection);
        }
    }

    @Test
    void aResumedStepRefusedAtItsFirstStatementStaysDirty() throws Exception {
        scripts.revision("c3", "b2", "CREATE TABLE later (id INTEGER);\nCREATE TABLE after_later (id INTEGER);",
                "DROP TABLE after_later;\nDROP TABLE later;");
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            migrator().upgrade(connection, null, "b2");
            // a run that died after its first statement committed and before it recorded it
            statement.execute("CREATE TABLE later (id INTEGER)");
            statement.execute("INSERT INTO flotilla_history (run_id, revision, direction, started_at, outcome,"
                    + " statements_done, statements_total, applied_by) VALUES ('run-9', 'c3', 'upgrade', NOW(),"
                    + " 'running', 0, 2, 'tester')");

            assertThatThrownBy(() -> migrator().repair(connection, null, RepairAction.RESUME))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("code 1050")
                    .satisfies(e -> assertThat(((MigrationException) e).leftDirty()).isTrue());
            assertDirtyAtC3BeforeItsFirstStatement(connection);
            assertThat(migrator().status(connection, null).revisions()).containsExactly("b2");
        }
    }

    /** At b2, clean, the step to c3 recorded as failed before its first statement. */
    private void assertFailedCleanBeforeC3(Connection connection) {
        TargetStatus status = migrator().status(connection, null);
        assertThat(status.revisions()).containsExactly("b2");
        assertThat(status.isDirty()).isFalse();
        assertThat(migrator().history(connection, null)).last()
                .extracting(HistoryEntry::revision, HistoryEntry::outcome, HistoryEntry::statementsDone)
                .containsExactly("c3", Outcome.FAILED, 0);
    }

    /** Dirty in the step to c3, no statement of it recorded as done. */
    private void assertDirtyAtC3BeforeItsFirstStatement(Connection connection) {
        assertThat(migrator().status(connection, null).dirtyStep()).get()
                .extracting(HistoryEntry::revision, HistoryEntry::outcome, HistoryEntry::statementsDone)
                .containsExactly("c3", Outcome.DIRTY, 0);
    }

    /**
     * A script may turn auto-commit off on the server behind the driver's back; the connection is handed
     * back with it on again and the step's record committed, seen from another connection.
     */
    @Test
    void aScriptThatTurnsAutoCommitOffLeavesTheConnectionWithItOnAndItsStepCommitted() throws Exception {
        scripts.revision("c3", "b2", "SET autocommit = 0;\nCREATE TABLE later (id INTEGER);", "DROP TABLE later;");
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", db.user());
        properties.setProperty("password", db.password());
        dev.flotilla.engine.dialect.Dialects.forUrl(db.jdbcUrl()).connectionProperties().forEach(properties::setProperty);
        try (Connection connection = java.sql.DriverManager.getConnection(db.jdbcUrl(), properties);
             Connection observer = connect()) {
            migrator().upgrade(connection, null, "heads");

            assertThat(strings(connection, "SELECT @@autocommit")).containsExactly("1");
            assertThat(strings(observer, "SELECT version_num FROM flotilla_version")).containsExactly("c3");
        }
    }

    @Test
    void nothingMigratesADirtyTarget() throws Exception {
        scripts.revision("c3", "b2", FAILING, "DROP TABLE later;\nDROP TABLE tag;");
        try (Connection connection = connect()) {
            assertThatThrownBy(() -> migrator().upgrade(connection, null, "heads"));

            for (Runnable attempt : List.<Runnable>of(
                    () -> migrator().upgrade(connection, null, "heads"),
                    () -> migrator().downgrade(connection, null, "base"),
                    () -> migrator().stamp(connection, null, List.of("heads"), false))) {
                assertThatThrownBy(attempt::run).isInstanceOf(DirtyTargetException.class)
                        .hasMessageContaining(" is dirty: the upgrade of revision c3 failed after statement 1 of 3"
                                + " completed; the error was: ")
                        .hasMessageContaining("run 'repair --resume'");
            }
            assertThat(migrator().status(connection, null).revisions()).containsExactly("b2");
        }
    }

    @Test
    void repairResumeRunsTheRemainingStatementsOnceThePersonHasFixedTheCause() throws Exception {
        scripts.revision("c3", "b2", FAILING, "DROP TABLE later;\nDROP TABLE tag;");
        try (Connection connection = connect()) {
            assertThatThrownBy(() -> migrator().upgrade(connection, null, "heads"));
            execute(connection, "CREATE TABLE nowhere (id INTEGER)");

            RunResult resumed = migrator().repair(connection, null, RepairAction.RESUME);

            assertThat(resumed.after()).containsExactly("c3");
            assertThat(resumed.steps()).singleElement().extracting(StepResult::statements).isEqualTo(2);
            assertThat(count(connection, "SELECT COUNT(*) FROM nowhere")).isEqualTo(1);
            assertThat(tables(connection)).contains("later", "tag");
            assertThat(migrator().status(connection, null)).extracting(TargetStatus::revisions, TargetStatus::isDirty)
                    .containsExactly(List.of("c3"), false);
            assertThat(migrator().history(connection, null)).extracting(HistoryEntry::revision, HistoryEntry::action,
                    HistoryEntry::outcome).containsExactly(
                    tuple("a1", Action.UPGRADE, Outcome.APPLIED),
                    tuple("b2", Action.UPGRADE, Outcome.APPLIED),
                    tuple("c3", Action.UPGRADE, Outcome.REPAIRED),
                    tuple("c3", Action.REPAIR, Outcome.APPLIED),
                    tuple("c3", Action.UPGRADE, Outcome.APPLIED));
        }
    }

    @Test
    void repairResumeIsRefusedWhenTheStatementsThatRanHaveChanged() throws Exception {
        scripts.revision("c3", "b2", FAILING, "DROP TABLE later;\nDROP TABLE tag;");
        try (Connection connection = connect()) {
            assertThatThrownBy(() -> migrator().upgrade(connection, null, "heads"));
            scripts.revision("c3", "b2", FAILING.replace("tag", "label"), "DROP TABLE later;\nDROP TABLE label;");

            assertThatThrownBy(() -> migrator().repair(connection, null, RepairAction.RESUME))
                    .isInstanceOf(EngineException.class)
                    .hasMessageContaining("cannot resume c3: the 1 statement(s) that already ran are no longer the"
                            + " first 1 of " + scripts.file("c3"));
            assertThat(migrator().status(connection, null).isDirty()).isTrue();
        }
    }

    @Test
    void repairMarkAppliedMovesTheVersionAndMarkNotAppliedLeavesIt() throws Exception {
        scripts.revision("c3", "b2", FAILING, "DROP TABLE later;\nDROP TABLE tag;");
        try (Connection connection = connect()) {
            assertThatThrownBy(() -> migrator().upgrade(connection, null, "heads"));
            RunResult notApplied = migrator().repair(connection, null, RepairAction.MARK_NOT_APPLIED);
            assertThat(notApplied.after()).containsExactly("b2");
            assertThat(migrator().status(connection, null).isDirty()).isFalse();

            execute(connection, "DROP TABLE tag");
            assertThatThrownBy(() -> migrator().upgrade(connection, null, "heads"));
            RunResult applied = migrator().repair(connection, null, RepairAction.MARK_APPLIED);
            assertThat(applied.after()).containsExactly("c3");
            assertThat(migrator().status(connection, null)).extracting(TargetStatus::revisions, TargetStatus::isDirty)
                    .containsExactly(List.of("c3"), false);
        }
    }

    @Test
    void repairOfACleanTargetIsRefused() throws Exception {
        try (Connection connection = connect()) {
            migrator().upgrade(connection, null, "heads");
            assertThatThrownBy(() -> migrator().repair(connection, null, RepairAction.MARK_APPLIED))
                    .isInstanceOf(EngineException.class)
                    .hasMessageContaining("is not dirty: there is nothing to repair");
        }
    }
}
