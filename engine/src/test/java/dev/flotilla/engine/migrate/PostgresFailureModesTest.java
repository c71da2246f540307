package dev.flotilla.engine.migrate;

import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static dev.flotilla.engine.migrate.MigratorContract.count;
import static dev.flotilla.engine.migrate.MigratorContract.execute;
import static dev.flotilla.engine.migrate.MigratorContract.strings;
import static org.assertj.core.api.Assertions.assertThat;

/** What a run on PostgreSQL leaves when its process is killed: a step's transaction dies with it. */
@DatabaseTest(DatabaseKind.POSTGRESQL)
class PostgresFailureModesTest {

    private static final String SLEEP = "SELECT pg_sleep(60);";

    @TempDir
    Path root;

    private TestDatabase db;

    @BeforeEach
    void freshDatabase(TestDatabases databases) {
        db = databases.createExtra(DatabaseKind.POSTGRESQL);
    }

    @Test
    void aRunKilledMidStepLeavesTheTargetCleanAtThePreviousRevisionAndTheNextRunCompletes() throws Exception {
        Scripts scripts = KilledRuns.scripts(root, SLEEP);
        try (Connection connection = db.connect()) {
            KilledRuns.migrator(scripts).upgrade(connection, null, "a1");
        }
        try (Connection watcher = db.connect();
             ChildRun child = ChildRun.start(db.jdbcUrl(), db.user(), db.password(), scripts.file("a1").getParent(),
                     root.resolve("child.log"))) {
            String sleeping = "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE 'SELECT pg_sleep(60)%'";
            child.awaitWhileAlive("pg_sleep in pg_stat_activity", () -> !strings(watcher, sleeping).isEmpty());
            String pid = strings(watcher, sleeping).get(0);

            child.kill();

            // Within about 5 s, not the minute of pg_sleep: the runner's session polls for its client.
            ChildRun.await("the killed run's server session to end", () -> count(watcher,
                    "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = " + pid) == 0);
        }

        Migrator migrator = KilledRuns.migrator(scripts);
        try (Connection connection = db.connect()) {
            assertThat(migrator.status(connection, null)).extracting(TargetStatus::revisions, TargetStatus::isDirty)
                    .containsExactly(List.of("b2"), false);
            assertThat(tables(connection)).containsExactly("account", "flotilla_history", "flotilla_version",
                    "project");
            assertThat(migrator.history(connection, null)).extracting(HistoryEntry::revision, HistoryEntry::outcome)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("a1", HistoryEntry.Outcome.APPLIED),
                            org.assertj.core.groups.Tuple.tuple("b2", HistoryEntry.Outcome.APPLIED));

            KilledRuns.rewriteSleep(scripts, "SELECT 1;");
            RunResult next = KilledRuns.migrator(scripts).upgrade(connection, null, "heads");

            assertThat(next.after()).containsExactly("c3");
            assertThat(tables(connection)).contains("tag", "later");
        }
    }

    private static List<String> tables(Connection connection) throws java.sql.SQLException {
        return strings(connection, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1");
    }
}
