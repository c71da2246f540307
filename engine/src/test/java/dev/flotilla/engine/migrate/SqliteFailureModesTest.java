package dev.flotilla.engine.migrate;

import dev.flotilla.engine.dialect.Dialects;
import dev.flotilla.engine.dialect.TargetLock;
import dev.flotilla.engine.dialect.TargetLockedException;
import dev.flotilla.engine.migrate.HistoryEntry.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static dev.flotilla.engine.migrate.MigratorContract.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * What a run on SQLite leaves when its process is killed or another connection holds the file: the run
 * is one exclusive transaction, so a killed run leaves a hot journal that the next connection rolls back.
 */
class SqliteFailureModesTest {

    /**
     * SQLite has no sleep; the child registers {@code test_sleep} on its connection (see {@link UpgradeChild}),
     * so the kill lands while SQLite executes statement 2.
     */
    private static final String SLEEP = "SELECT test_sleep(60000);";

    @TempDir
    Path root;

    private Path file() {
        return root.resolve("target.db");
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file());
    }

    @Test
    void aRunKilledMidStepIsRolledBackWholeAndTheNextRunCompletes() throws Exception {
        Scripts scripts = KilledRuns.scripts(root, SLEEP);
        try (Connection connection = connect()) {
            KilledRuns.migrator(scripts).upgrade(connection, null, "a1");
        }
        Path log = root.resolve("child.log");
        try (ChildRun child = ChildRun.start("jdbc:sqlite:" + file(), "", "", scripts.file("a1").getParent(), log)) {
            child.awaitWhileAlive("the child inside statement 2 of c3", () -> child.output().contains(
                    "started c3\n" + UpgradeChild.SLEEPING));
            child.kill();
        }
        assertThat(root.resolve("target.db-journal")).as("the killed run's hot journal").exists();

        Migrator migrator = KilledRuns.migrator(scripts);
        try (Connection connection = connect()) {
            // The whole run was one transaction: b2, which the child had finished, is gone with c3.
            assertThat(migrator.status(connection, null)).extracting(TargetStatus::revisions, TargetStatus::isDirty)
                    .containsExactly(List.of("a1"), false);
            assertThat(tables(connection)).containsExactly("account", "flotilla_history", "flotilla_version");
            assertThat(migrator.history(connection, null)).extracting(HistoryEntry::revision, HistoryEntry::outcome)
                    .containsExactly(tuple("a1", Outcome.APPLIED));

            KilledRuns.rewriteSleep(scripts, "SELECT 1;");
            assertThat(KilledRuns.migrator(scripts).upgrade(connection, null, "heads").after()).containsExactly("c3");
            assertThat(tables(connection)).contains("project", "tag", "later");
        }
    }

    @Test
    void aRunThatCannotGetTheLockInTimeSaysSoAndChangesNothing() throws Exception {
        Scripts scripts = KilledRuns.scripts(root, "SELECT 1;");
        Migrator impatient = new Migrator(scripts.load(), MigratorSettings.defaults("t")
                .withLockWait(Duration.ofMillis(300)), MigrationListener.NONE);
        try (Connection holder = connect(); Connection other = connect()) {
            try (TargetLock lock = Dialects.of(holder).locks().acquire(holder, null, "flotilla_version",
                    Duration.ZERO)) {
                assertThatThrownBy(() -> impatient.upgrade(other, null, "heads"))
                        .isInstanceOf(TargetLockedException.class)
                        .hasMessageContaining("flotilla_version in " + file() + " is locked by another run (waited"
                                + " 300 ms; another connection or process is reading or writing the database file");
            }
            assertThat(tables(other)).isEmpty();
            assertThat(impatient.upgrade(other, null, "heads").after()).containsExactly("c3");
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        return strings(connection, "SELECT lower(name) FROM sqlite_master WHERE type = 'table'"
                + " AND name NOT LIKE 'sqlite_%' ORDER BY 1");
    }
}
