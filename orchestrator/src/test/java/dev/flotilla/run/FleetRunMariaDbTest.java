package dev.flotilla.run;

import dev.flotilla.Flotilla;
import dev.flotilla.cli.SampleProject;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.flotilla.cli.SampleProject.R3;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fleet runs on MariaDB, where DDL commits statement by statement: a lock wait timeout is retried only when
 * the step's failed statement was its first, so that nothing of the step stayed behind; after a statement
 * of the step committed, the tenant is dirty and gets no second attempt.
 */
@DatabaseTest(DatabaseKind.MYSQL)
class FleetRunMariaDbTest {

    private static final String R4 = "d4d4d4d4d4d4";
    private static final String LOCK_WAIT_TIMEOUT = "Lock wait timeout exceeded; try restarting transaction";
    /** MariaDB's shortest lock wait: its lock_wait_timeout counts whole seconds. */
    private static final String CONFIG = "defaults:\n  lock_timeout: 1s\n";
    private static final RunSettings.Retries RETRIES =
            new RunSettings.Retries(3, Duration.ofMillis(100), Duration.ofSeconds(1));

    @TempDir
    Path dir;

    private TestDatabase db;

    @BeforeEach
    void database(TestDatabases databases) {
        db = databases.createExtra(DatabaseKind.MYSQL);
    }

    /** A fleet of one tenant, {@code t}, in the test database, at R3, with R4 upgrading by {@code upgrade}. */
    private Flotilla tenantAtR3(String upgrade) {
        new SampleProject(dir).write(R4, R3, "lock sensitive step", upgrade, "DROP TABLE IF EXISTS marker;\n");
        String template = db.jdbcUrl().replace("/" + db.name(), "/${tenant.database}");
        Flotilla flotilla = new TestFleet(dir).server("my", "url: " + template, "user: " + db.user(),
                        "password: ${env:MY_PASSWORD:-}").env("MY_PASSWORD", db.password())
                .tenant("{id: t, server: my, database: " + db.name() + "}").open(CONFIG);
        new FleetRun(flotilla, RunSettings.defaults(), RunListener.NONE)
                .run(FleetCommand.upgrade(R3), flotilla.registry().tenants());
        return flotilla;
    }

    /**
     * A session in a transaction that read {@code account}: it holds the table's metadata lock until it
     * commits, so any ALTER of the table waits for it.
     */
    private Connection holdingAccountsMetadataLock() throws SQLException {
        Connection holder = db.connect();
        holder.setAutoCommit(false);
        try (Statement statement = holder.createStatement()) {
            statement.executeQuery("SELECT COUNT(*) FROM account").close();
        }
        return holder;
    }

    @Test
    void aLockWaitTimeoutAfterAStatementCommittedLeavesTheTenantDirtyWithOneAttempt() throws Exception {
        String upgrade = "CREATE TABLE marker (id INTEGER);\nALTER TABLE account ADD COLUMN nickname VARCHAR(50);\n";
        try (Flotilla flotilla = tenantAtR3(upgrade)) {
            TestFleet.Recorder recorder = new TestFleet.Recorder();
            TestFleet.NoWait sleeper = new TestFleet.NoWait();
            RunSummary summary;
            try (Connection holder = holdingAccountsMetadataLock()) {
                summary = new FleetRun(flotilla, RunSettings.defaults().withRetry(RETRIES), recorder, sleeper)
                        .run(FleetCommand.upgrade("heads"), flotilla.registry().tenants());
            }

            TenantResult result = summary.results().get(0);
            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.attempts()).isEqualTo(1);
            assertThat(result.to()).containsExactly(R3);
            assertThat(result.steps()).isEmpty();
            assertThat(result.error()).isEqualTo(target() + ": upgrade to " + R4 + " failed at statement 2 of 2 ("
                    + new SampleProject(dir).file(R4) + " line 10): " + LOCK_WAIT_TIMEOUT + " [SQLSTATE 40001, code 1205]"
                    + "\n  statement: ALTER TABLE account ADD COLUMN nickname VARCHAR(50)"
                    + "\n  The statements before it stay applied (they committed by themselves), so the target is now"
                    + " dirty: nothing will migrate it until it is repaired. Fix the database, then run 'repair' with"
                    + " --resume, --mark-applied or --mark-not-applied.");
            assertThat(recorder.retries).isEmpty();
            assertThat(sleeper.waits).isEmpty();
            assertThat(historyOf(R4)).containsExactly("dirty 1/2 " + LOCK_WAIT_TIMEOUT);
            assertThat(tables()).containsExactly("account", "flotilla_history", "flotilla_version", "marker", "project");
        }
    }

    @Test
    void aLockWaitTimeoutOnTheFirstStatementChangedNothingAndIsRetriedUntilTheLockIsReleased() throws Exception {
        String upgrade = "ALTER TABLE account ADD COLUMN nickname VARCHAR(50);\nCREATE TABLE marker (id INTEGER);\n";
        try (Flotilla flotilla = tenantAtR3(upgrade); Connection holder = holdingAccountsMetadataLock()) {
            List<Duration> waits = new ArrayList<>();
            Sleeper releaseOnFirstWait = duration -> {
                waits.add(duration);
                try {
                    holder.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
            TestFleet.Recorder recorder = new TestFleet.Recorder();
            RunSummary summary = new FleetRun(flotilla, RunSettings.defaults().withRetry(RETRIES), recorder,
                    releaseOnFirstWait).run(FleetCommand.upgrade("heads"), flotilla.registry().tenants());

            TenantResult result = summary.results().get(0);
            assertThat(result.outcome()).isEqualTo(Outcome.MIGRATED);
            assertThat(result.attempts()).isEqualTo(2);
            assertThat(result.to()).containsExactly(R4);
            assertThat(result.steps()).containsExactly(R4);
            assertThat(recorder.retries).containsExactly("t#1");
            assertThat(waits).singleElement().satisfies(wait ->
                    assertThat(wait).isBetween(RetryWaits.lowest(RETRIES, 1), RetryWaits.highest(RETRIES, 1)));
            assertThat(historyOf(R4)).containsExactly("failed 0/2 " + LOCK_WAIT_TIMEOUT, "applied 2/2 null");
            assertThat(tables()).containsExactly("account", "flotilla_history", "flotilla_version", "marker", "project");
        }
    }

    /** How messages name the tenant's target: its database, and its URL without the driver's options. */
    private String target() {
        return db.name() + " (" + db.jdbcUrl().replaceFirst("\\?.*", "") + ")";
    }

    /** The tenant's history rows for {@code revision}, oldest first: outcome, statements done/total, error. */
    private List<String> historyOf(String revision) throws SQLException {
        return rows("SELECT CONCAT(outcome, ' ', statements_done, '/', statements_total, ' ', COALESCE(error, 'null'))"
                + " FROM flotilla_history WHERE revision = '" + revision + "' ORDER BY id");
    }

    private List<String> tables() throws SQLException {
        return rows("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + db.name()
                + "' ORDER BY table_name");
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
