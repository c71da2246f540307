package dev.flotilla.engine.migrate;

import dev.flotilla.engine.migrate.HistoryEntry.Action;
import dev.flotilla.engine.migrate.HistoryEntry.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every dialect's runs must do, on a real database of that dialect. Subclasses provide connections
 * to a fresh target per test.
 */
abstract class MigratorContract {

    static final String ACCOUNT = "CREATE TABLE account (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL)";
    static final String PROJECT = "CREATE TABLE project (id INTEGER PRIMARY KEY, account_id INTEGER);\n"
            + "INSERT INTO account (id, name) VALUES (1, 'first');";

    @TempDir
    Path root;

    Scripts scripts;

    /** A new connection to this test's fresh target. */
    abstract Connection connect() throws SQLException;

    /** The tables of the target, lower-case, sorted. */
    abstract List<String> tables(Connection connection) throws SQLException;

    @BeforeEach
    void twoRevisions() {
        scripts = new Scripts(root)
                .revision("a1", null, ACCOUNT + ";", "DROP TABLE account;")
                .revision("b2", "a1", PROJECT, "DROP TABLE project;\nDELETE FROM account;");
    }

    Migrator migrator() {
        return new Migrator(scripts.load(), MigratorSettings.defaults("tester@test"), MigrationListener.NONE);
    }

    @Test
    void anUpgradeFromNothingAppliesEveryStepInOrderAndRecordsIt() throws Exception {
        try (Connection connection = connect()) {
            RunResult result = migrator().upgrade(connection, null, "heads");

            assertThat(result.before()).isEmpty();
            assertThat(result.after()).containsExactly("b2");
            assertThat(result.steps()).extracting(s -> s.step().revision().id()).containsExactly("a1", "b2");
            assertThat(result.steps()).extracting(StepResult::statements).containsExactly(1, 2);
            assertThat(tables(connection)).containsExactly("account", "flotilla_history", "flotilla_version",
                    "project");
            assertThat(migrator().status(connection, null)).isEqualTo(
                    new TargetStatus(true, List.of("b2"), java.util.Optional.empty()));
            List<HistoryEntry> history = migrator().history(connection, null);
            assertThat(history).extracting(HistoryEntry::revision, HistoryEntry::action, HistoryEntry::outcome,
                    HistoryEntry::statementsDone, HistoryEntry::statementsTotal, HistoryEntry::appliedBy)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("a1", Action.UPGRADE, Outcome.APPLIED, 1, 1, "tester@test"),
                            org.assertj.core.groups.Tuple.tuple("b2", Action.UPGRADE, Outcome.APPLIED, 2, 2, "tester@test"));
            assertThat(history).allSatisfy(entry -> {
                assertThat(entry.runId()).isEqualTo(result.runId());
                assertThat(entry.checksum()).hasSize(64);
                assertThat(entry.finishedAt()).isAfterOrEqualTo(entry.startedAt());
                assertThat(entry.durationMillis()).isNotNegative();
            });
            assertThat(history.get(0).checksum()).isEqualTo(scripts.load().checksum("a1"));
        }
    }

    @Test
    void aDowngradeFromExpectedRevisionsDoesNothingWhenTheTargetIsElsewhere() throws Exception {
        try (Connection connection = connect()) {
            migrator().upgrade(connection, null, "heads");

            assertThatThrownBy(() -> migrator().downgradeFrom(connection, null, List.of("a1"), "base"))
                    .isInstanceOf(VersionConflictException.class)
                    .hasMessageEndingWith(" is at b2, not at a1 as expected: nothing was done");
            assertThat(migrator().status(connection, null).revisions()).containsExactly("b2");

            RunResult result = migrator().downgradeFrom(connection, null, List.of("b2"), "a1");
            assertThat(result.steps()).extracting(s -> s.step().revision().id()).containsExactly("b2");
            assertThat(tables(connection)).containsExactly("account", "flotilla_history", "flotilla_version");
        }
    }

    @Test
    void aSecondUpgradeFindsNothingToDo() throws Exception {
        try (Connection connection = connect()) {
            migrator().upgrade(connection, null, "heads");
            RunResult again = migrator().upgrade(connection, null, "heads");

            assertThat(again.isNoOp()).isTrue();
            assertThat(again.after()).containsExactly("b2");
            assertThat(migrator().history(connection, null)).hasSize(2);
        }
    }

    @Test
    void aTargetCanBeUpgradedOneStepAtATimeAndDowngradedBackToBase() throws Exception {
        try (Connection connection = connect()) {
            assertThat(migrator().upgrade(connection, null, "+1").after()).containsExactly("a1");
            assertThat(tables(connection)).containsExactly("account", "flotilla_history", "flotilla_version");
            assertThat(migrator().upgrade(connection, null, "+1").after()).containsExactly("b2");

            RunResult down = migrator().downgrade(connection, null, "-1");
            assertThat(down.after()).containsExactly("a1");
            assertThat(tables(connection)).containsExactly("account", "flotilla_history", "flotilla_version");
            assertThat(count(connection, "SELECT COUNT(*) FROM account")).isZero();

            assertThat(migrator().downgrade(connection, null, "base").after()).isEmpty();
            assertThat(tables(connection)).containsExactly("flotilla_history", "flotilla_version");
            assertThat(migrator().history(connection, null)).extracting(HistoryEntry::revision, HistoryEntry::action)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("a1", Action.UPGRADE),
                            org.assertj.core.groups.Tuple.tuple("b2", Action.UPGRADE),
                            org.assertj.core.groups.Tuple.tuple("b2", Action.DOWNGRADE),
                            org.assertj.core.groups.Tuple.tuple("a1", Action.DOWNGRADE));
        }
    }

    @Test
    void stampMovesTheVersionWithoutRunningAnyStep() throws Exception {
        try (Connection connection = connect()) {
            RunResult stamped = migrator().stamp(connection, null, List.of("b2"), false);

            assertThat(stamped.after()).containsExactly("b2");
            assertThat(tables(connection)).containsExactly("flotilla_history", "flotilla_version");
            assertThat(migrator().status(connection, null).revisions()).containsExactly("b2");

            migrator().stamp(connection, null, List.of("a1"), true);
            assertThat(migrator().status(connection, null).revisions()).containsExactly("a1");
            assertThat(migrator().history(connection, null)).extracting(HistoryEntry::revision, HistoryEntry::action)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("b2", Action.STAMP),
                            org.assertj.core.groups.Tuple.tuple("a1", Action.STAMP));
        }
    }

    @Test
    void statusOfATargetWithoutAVersionTableIsUninitializedAndCreatesNothing() throws Exception {
        try (Connection connection = connect()) {
            TargetStatus status = migrator().status(connection, null);

            assertThat(status.initialized()).isFalse();
            assertThat(status.revisions()).isEmpty();
            assertThat(tables(connection)).isEmpty();
            assertThat(migrator().history(connection, null)).isEmpty();
        }
    }

    @Test
    void aChangedFileOfAnAppliedRevisionIsReportedAndRefusedWhenStrict() throws Exception {
        try (Connection connection = connect()) {
            migrator().upgrade(connection, null, "a1");
            scripts.revision("a1", null, ACCOUNT + ";\n-- edited after it ran", "DROP TABLE account;");
            List<String> warnings = new ArrayList<>();
            Migrator warning = new Migrator(scripts.load(), MigratorSettings.defaults("t"), new MigrationListener() {
                @Override
                public void warning(String target, String message) {
                    warnings.add(message);
                }
            });
            Migrator strict = new Migrator(scripts.load(), MigratorSettings.defaults("t").withStrictChecksums(true),
                    MigrationListener.NONE);

            assertThatThrownBy(() -> strict.upgrade(connection, null, "heads"))
                    .hasMessageContaining("1 applied revision(s) changed since they ran:\n  a1: applied with ")
                    .hasMessageContaining("Refused (strict checksums)");
            assertThat(strict.status(connection, null).revisions()).containsExactly("a1");

            warning.upgrade(connection, null, "heads");
            assertThat(warnings).singleElement().asString().contains("a1: applied with ");
            assertThat(warning.status(connection, null).revisions()).containsExactly("b2");
        }
    }

    @Test
    void aChangedFileOfARevisionTakenBackSinceIsNoConcern() throws Exception {
        List<String> warnings = new ArrayList<>();
        MigrationListener listener = new MigrationListener() {
            @Override
            public void warning(String target, String message) {
                warnings.add(message);
            }
        };
        try (Connection connection = connect()) {
            migrator().upgrade(connection, null, "heads");
            migrator().downgrade(connection, null, "a1");
            scripts.revision("b2", "a1", PROJECT + "\n-- edited while taken back", "DROP TABLE project;");

            new Migrator(scripts.load(), MigratorSettings.defaults("t").withStrictChecksums(true), listener)
                    .upgrade(connection, null, "heads");

            assertThat(warnings).isEmpty();
            assertThat(migrator().history(connection, null).get(3).checksum())
                    .isEqualTo(scripts.load().checksum("b2"));
        }
    }

    @Test
    void aVersionRowMovedUnderAStepIsAConflictAndNeverOverwritten() throws Exception {
        // The step's own statement plays the other writer: it moves the row the step's compare-and-set expects.
        scripts.revision("c3", "b2", "UPDATE flotilla_version SET version_num = 'elsewhere';", "SELECT 1;");
        try (Connection connection = connect()) {
            assertThatThrownBy(() -> migrator().upgrade(connection, null, "heads"))
                    .isInstanceOf(VersionConflictException.class)
                    .hasMessageContaining("changed under this run: moving b2 to c3 touched 0 rows instead of 1");

            assertThat(strings(connection, "SELECT version_num FROM flotilla_version")).doesNotContain("c3");
            assertThat(migrator().history(connection, null))
                    .filteredOn(e -> e.revision().equals("c3") && e.outcome() == Outcome.APPLIED).isEmpty();
        }
    }

    /** False where steps without statements are not recorded in groups (SQLite: a savepoint each). */
    boolean groupsStatementFreeSteps() {
        return true;
    }

    @Test
    void aConflictAmongStepsWithoutStatementsIsDetectedAndRollsBackTheirGroup() throws Exception {
        scripts.revision("c3", "b2", "", "").revision("d4", "c3", "", "").revision("e5", "d4", "SELECT 1;", "");
        try (Connection connection = connect()) {
            migrator().upgrade(connection, null, "b2");
            List<String> events = new ArrayList<>();
            // Plays another writer between two steps of one group, on the run's own connection and transaction.
            MigrationListener moveTheRow = new MigrationListener() {
                @Override
                public void stepStarted(String target, dev.flotilla.engine.revision.Step step, int statements) {
                    events.add("started " + step.revision().id());
                    if (step.revision().id().equals("d4")) {
                        try {
                            execute(connection, "UPDATE flotilla_version SET version_num = 'elsewhere'");
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            };
            Migrator migrator = new Migrator(scripts.load(), MigratorSettings.defaults("tester@test"), moveTheRow);

            assertThatThrownBy(() -> migrator.upgrade(connection, null, "heads"))
                    .isInstanceOf(VersionConflictException.class)
                    .hasMessageContaining("touched 0 rows instead of 1");

            assertThat(events).containsExactly("started c3", "started d4");
            assertThat(migrator().history(connection, null)).extracting(HistoryEntry::revision)
                    .doesNotContain("d4", "e5");
            if (groupsStatementFreeSteps()) {
                assertThat(migrator().status(connection, null).revisions()).containsExactly("b2");
                assertThat(migrator().history(connection, null)).extracting(HistoryEntry::revision)
                        .containsExactly("a1", "b2");
            }
        }
    }

    @Test
    void consecutiveStepsWithoutStatementsEachGetARowAndEvents() throws Exception {
        scripts.revision("c3", "b2", "", "").revision("d4", "c3", "-- nothing here", "").revision("e5", "d4", "", "");
        List<String> events = new ArrayList<>();
        MigrationListener listener = new MigrationListener() {
            @Override
            public void stepStarted(String target, dev.flotilla.engine.revision.Step step, int statements) {
                events.add("started " + step.revision().id());
            }

            @Override
            public void stepFinished(String target, StepResult result) {
                events.add("finished " + result.step().revision().id());
            }
        };
        try (Connection connection = connect()) {
            RunResult result = new Migrator(scripts.load(), MigratorSettings.defaults("tester@test"), listener)
                    .upgrade(connection, null, "heads");

            assertThat(result.steps()).extracting(s -> s.step().revision().id(), StepResult::statements)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("a1", 1),
                            org.assertj.core.groups.Tuple.tuple("b2", 2), org.assertj.core.groups.Tuple.tuple("c3", 0),
                            org.assertj.core.groups.Tuple.tuple("d4", 0), org.assertj.core.groups.Tuple.tuple("e5", 0));
            assertThat(events).filteredOn(e -> e.endsWith("c3") || e.endsWith("d4") || e.endsWith("e5"))
                    .containsSubsequence("started c3", "finished c3")
                    .containsSubsequence("started d4", "finished d4")
                    .containsSubsequence("started e5", "finished e5")
                    .hasSize(6);
            assertThat(migrator().status(connection, null).revisions()).containsExactly("e5");
            assertThat(migrator().history(connection, null)).extracting(HistoryEntry::revision, HistoryEntry::outcome,
                    HistoryEntry::statementsTotal).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("a1", Outcome.APPLIED, 1),
                    org.assertj.core.groups.Tuple.tuple("b2", Outcome.APPLIED, 2),
                    org.assertj.core.groups.Tuple.tuple("c3", Outcome.APPLIED, 0),
                    org.assertj.core.groups.Tuple.tuple("d4", Outcome.APPLIED, 0),
                    org.assertj.core.groups.Tuple.tuple("e5", Outcome.APPLIED, 0));
        }
    }

    @Test
    void twoRunsOnOneTargetAtOnceApplyEachStepExactlyOnce() throws Exception {
        Migrator migrator = migrator();
        AtomicInteger steps = new AtomicInteger();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            threads.add(new Thread(() -> {
                try (Connection connection = connect()) {
                    steps.addAndGet(migrator.upgrade(connection, null, "heads").steps().size());
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(failures).isEmpty();
        assertThat(steps.get()).isEqualTo(2);
        try (Connection connection = connect()) {
            assertThat(migrator.history(connection, null)).extracting(HistoryEntry::revision)
                    .containsExactly("a1", "b2");
        }
    }

    static int count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
