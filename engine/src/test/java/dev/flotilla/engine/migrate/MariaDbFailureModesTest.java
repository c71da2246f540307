package dev.flotilla.engine.migrate;

import dev.flotilla.engine.dialect.Dialects;
import dev.flotilla.engine.dialect.TargetLock;
import dev.flotilla.engine.dialect.TargetLockedException;
import dev.flotilla.engine.migrate.HistoryEntry.Action;
import dev.flotilla.engine.migrate.HistoryEntry.Outcome;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.flotilla.engine.migrate.MigratorContract.count;
import static dev.flotilla.engine.migrate.MigratorContract.execute;
import static dev.flotilla.engine.migrate.MigratorContract.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * What a run on MariaDB leaves when its process is killed or another session holds the target: DDL has
 * committed statement by statement, so a killed step leaves the target dirty at the exact statement, and
 * the server frees the lock of the dead session by itself.
 */
@DatabaseTest(DatabaseKind.MYSQL)
class MariaDbFailureModesTest {

    private static final String SLEEP = "SELECT SLEEP(60);";

    @TempDir
    Path root;

    private TestDatabase db;
    private Scripts scripts;

    @BeforeEach
    void freshDatabase(TestDatabases databases) {
        db = databases.createExtra(DatabaseKind.MYSQL);
        scripts = KilledRuns.scripts(root, SLEEP);
    }

    @Test
    void aRunKilledMidStepLeavesTheTargetDirtyAtTheStatementReachedAndRepairResumeFinishesIt() throws Exception {
        killMidStep();
        // Statements after the ones that completed may change before a resume: only those are compared.
        KilledRuns.rewriteSleep(scripts, "SELECT 1;");
        Migrator migrator = KilledRuns.migrator(scripts);
        try (Connection connection = db.connect()) {
            RunResult resumed = migrator.repair(connection, null, RepairAction.RESUME);

            assertThat(resumed.after()).containsExactly("c3");
            assertThat(resumed.steps()).singleElement().extracting(StepResult::statements).isEqualTo(2);
            assertThat(tables(connection)).contains("tag", "later");
            assertThat(migrator.status(connection, null)).extracting(TargetStatus::revisions, TargetStatus::isDirty)
                    .containsExactly(List.of("c3"), false);
            assertThat(migrator.history(connection, null)).extracting(HistoryEntry::revision, HistoryEntry::action,
                    HistoryEntry::outcome).containsExactly(
                    tuple("a1", Action.UPGRADE, Outcome.APPLIED),
                    tuple("b2", Action.UPGRADE, Outcome.APPLIED),
                    tuple("c3", Action.UPGRADE, Outcome.REPAIRED),
                    tuple("c3", Action.REPAIR, Outcome.APPLIED),
                    tuple("c3", Action.UPGRADE, Outcome.APPLIED));
        }
    }

    @Test
    void aKilledStepThatAPersonFinishedByHandIsMarkedApplied() throws Exception {
        killMidStep();
        Migrator migrator = KilledRuns.migrator(scripts);
        try (Connection connection = db.connect()) {
            execute(connection, "CREATE TABLE later (id INTEGER PRIMARY KEY)");

            assertThat(migrator.repair(connection, null, RepairAction.MARK_APPLIED).after()).containsExactly("c3");

            assertThat(migrator.status(connection, null)).extracting(TargetStatus::revisions, TargetStatus::isDirty)
                    .containsExactly(List.of("c3"), false);
            assertThat(migrator.upgrade(connection, null, "heads").isNoOp()).isTrue();
            assertThat(migrator.history(connection, null)).extracting(HistoryEntry::revision, HistoryEntry::action,
                    HistoryEntry::outcome).endsWith(
                    tuple("c3", Action.UPGRADE, Outcome.REPAIRED),
                    tuple("c3", Action.REPAIR, Outcome.APPLIED));
        }
    }

    @Test
    void aKilledStepThatAPersonUndidIsMarkedNotAppliedAndRunsAgainInFull() throws Exception {
        killMidStep();
        try (Connection connection = db.connect()) {
            execute(connection, "DROP TABLE tag");

            RunResult repaired = KilledRuns.migrator(scripts).repair(connection, null, RepairAction.MARK_NOT_APPLIED);
            assertThat(repaired.after()).containsExactly("b2");

            KilledRuns.rewriteSleep(scripts, "SELECT 1;");
            Migrator migrator = KilledRuns.migrator(scripts);
            RunResult next = migrator.upgrade(connection, null, "heads");
            assertThat(next.steps()).singleElement().extracting(StepResult::statements).isEqualTo(3);
            assertThat(next.after()).containsExactly("c3");
            assertThat(tables(connection)).contains("tag", "later");
            assertThat(migrator.status(connection, null).isDirty()).isFalse();
        }
    }

    @Test
    void aRunThatCannotGetTheLockInTimeSaysWhoHasItAndChangesNothing() throws Exception {
        Migrator impatient = new Migrator(scripts.load(), MigratorSettings.defaults("t")
                .withLockWait(Duration.ofMillis(300)), MigrationListener.NONE);
        try (Connection holder = db.connect(); Connection other = db.connect()) {
            String holderId = strings(holder, "SELECT CONNECTION_ID()").get(0);
            try (TargetLock lock = lock(holder)) {
                assertThatThrownBy(() -> impatient.upgrade(other, null, "a1"))
                        .isInstanceOf(TargetLockedException.class)
                        .hasMessageContaining(db.name() + ".flotilla_version is locked by another run (waited 300 ms;")
                        .hasMessageContaining("held by connection id " + holderId);
                assertThat(tables(other)).isEmpty();
            }
            assertThat(impatient.upgrade(other, null, "a1").after()).containsExactly("a1");
        }
    }

    @Test
    void twoProcessesUpgradingOneTargetAtOnceApplyEachStepExactlyOnce() throws Exception {
        KilledRuns.rewriteSleep(scripts, "SELECT 1;");
        Path versions = scripts.file("a1").getParent();
        try (Connection watcher = db.connect();
             ChildRun first = ChildRun.start(db.jdbcUrl(), db.user(), db.password(), versions,
                     root.resolve("1.log"));
             ChildRun second = ChildRun.start(db.jdbcUrl(), db.user(), db.password(), versions,
                     root.resolve("2.log"))) {
            // The test holds the lock until both children wait for it, so that they surely contend.
            try (TargetLock lock = lock(watcher)) {
                String waiting = "SELECT COUNT(*) FROM information_schema.processlist WHERE info LIKE"
                        + " '%GET_LOCK(''flotilla:" + db.name() + ".flotilla_version''%' AND id <> CONNECTION_ID()";
                first.awaitWhileAlive("both children waiting for the lock", () -> count(watcher, waiting) == 2);
            }
            List<String> outcomes = List.of(outcome(first), outcome(second));

            assertThat(outcomes).as("one applies the three steps; the other finds nothing left or is locked out")
                    .containsOnlyOnce("applied 3")
                    .containsAnyOf("applied 0", "locked");
        }
        try (Connection connection = db.connect()) {
            Migrator migrator = KilledRuns.migrator(scripts);
            List<HistoryEntry> history = migrator.history(connection, null);
            assertThat(history).allSatisfy(e -> assertThat(e.outcome()).isEqualTo(Outcome.APPLIED));
            Map<String, Long> perRevision = history.stream()
                    .collect(Collectors.groupingBy(HistoryEntry::revision, Collectors.counting()));
            assertThat(perRevision).containsExactlyInAnyOrderEntriesOf(Map.of("a1", 1L, "b2", 1L, "c3", 1L));
            assertThat(migrator.status(connection, null).revisions()).containsExactly("c3");
        }
    }

    /**
     * Applies a1, then has a child process apply b2 and kill it inside statement 2 (the sleep) of c3, once
     * statement 1 is recorded; waits (bounded) for the server to free the dead session's lock, and checks
     * the dirty state it leaves.
     */
    private void killMidStep() throws Exception {
        try (Connection connection = db.connect()) {
            KilledRuns.migrator(scripts).upgrade(connection, null, "a1");
        }
        try (Connection watcher = db.connect();
             ChildRun child = ChildRun.start(db.jdbcUrl(), db.user(), db.password(), scripts.file("a1").getParent(),
                     root.resolve("child.log"))) {
            child.awaitWhileAlive("statement 1 of c3 recorded and the sleep running", () -> count(watcher,
                    "SELECT COUNT(*) FROM flotilla_history WHERE revision = 'c3' AND outcome = 'running'"
                            + " AND statements_done = 1") == 1
                    && count(watcher, "SELECT COUNT(*) FROM information_schema.processlist WHERE db = DATABASE()"
                            + " AND info LIKE 'SELECT SLEEP(60)%'") == 1);

            child.kill();

            // No unlock by hand: the server ends the dead client's session (MariaDB notices within seconds,
            // even inside SLEEP) and with it the lock.
            ChildRun.await("the server to free the killed run's lock", () -> {
                try (TargetLock probe = lock(watcher)) {
                    return true;
                } catch (TargetLockedException held) {
                    return false;
                }
            });
        }
        Migrator migrator = KilledRuns.migrator(scripts);
        try (Connection connection = db.connect()) {
            TargetStatus status = migrator.status(connection, null);
            assertThat(status.revisions()).containsExactly("b2");
            assertThat(status.dirtyStep()).get()
                    .extracting(HistoryEntry::revision, HistoryEntry::outcome, HistoryEntry::statementsDone,
                            HistoryEntry::statementsTotal)
                    .containsExactly("c3", Outcome.RUNNING, 1, 3);
            assertThat(tables(connection)).contains("tag").doesNotContain("later");
            assertThatThrownBy(() -> migrator.upgrade(connection, null, "heads"))
                    .isInstanceOf(DirtyTargetException.class)
                    .hasMessageContaining("is dirty: the upgrade of revision c3 was interrupted (the process died or"
                            + " lost its connection) after statement 1 of 3 completed");
        }
    }

    private static TargetLock lock(Connection connection) throws SQLException {
        return Dialects.of(connection).locks().acquire(connection, null, "flotilla_version", Duration.ZERO);
    }

    private static String outcome(ChildRun child) throws InterruptedException {
        int exit = child.awaitExit();
        String output = child.output();
        if (exit == UpgradeChild.LOCKED) {
            return "locked";
        }
        assertThat(exit).as("the child's exit code; its output:%n%s", output).isZero();
        return output.lines().filter(l -> l.startsWith("applied ")).findFirst().orElseThrow();
    }

    private static List<String> tables(Connection connection) throws SQLException {
        return strings(connection, "SELECT LOWER(table_name) FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() ORDER BY 1");
    }
}
