package dev.flotilla.engine.migrate;

import dev.flotilla.engine.dialect.TargetLockedException;
import dev.flotilla.engine.migrate.HistoryEntry.Outcome;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The runner on PostgreSQL: a step and its version change commit together. */
@DatabaseTest(DatabaseKind.POSTGRESQL)
class PostgresMigratorTest extends MigratorContract {

    private TestDatabase db;

    @BeforeEach
    void freshDatabase(TestDatabases databases) {
        db = databases.createExtra(DatabaseKind.POSTGRESQL);
    }

    @Override
    Connection connect() throws SQLException {
        return db.connect();
    }

    @Override
    List<String> tables(Connection connection) throws SQLException {
        return strings(connection, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1");
    }

    @Test
    void aFailingStepLeavesNothingOfItselfAndKeepsTheStepsBeforeIt() throws Exception {
        scripts.revision("c3", "b2", "CREATE TABLE tag (id INTEGER PRIMARY KEY);\nINSERT INTO nowhere VALUES (1);",
                "DROP TABLE tag;");
        try (Connection connection = connect()) {
            assertThatThrownBy(() -> migrator().upgrade(connection, null, "heads"))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining(": upgrade to c3 failed at statement 2 of 2 (" + scripts.file("c3")
                            + " line 7): ERROR: relation \"nowhere\" does not exist")
                    .hasMessageContaining("[SQLSTATE 42P01]")
                    .hasMessageContaining("\n  statement: INSERT INTO nowhere VALUES (1)\n")
                    .satisfies(e -> {
                        MigrationException failure = (MigrationException) e;
                        assertThat(failure.leftDirty()).isFalse();
                        assertThat(failure.isRetryable()).isFalse();
                        assertThat(failure.statement()).isEqualTo(2);
                        assertThat(failure.sqlState()).isEqualTo("42P01");
                    });

            assertThat(tables(connection)).containsExactly("account", "flotilla_history", "flotilla_version",
                    "project");
            assertThat(migrator().status(connection, null).revisions()).containsExactly("b2");
            assertThat(migrator().history(connection, null).get(2).outcome()).isEqualTo(Outcome.FAILED);
        }
    }

    @Test
    void aWholeRunTransactionKeepsNothingWhenAStepFails() throws Exception {
        scripts.revision("c3", "b2", "INSERT INTO nowhere VALUES (1);", "SELECT 1;");
        Migrator wholeRun = new Migrator(scripts.load(), MigratorSettings.defaults("t")
                .withTransactionMode(MigratorSettings.TransactionMode.WHOLE_RUN), MigrationListener.NONE);
        try (Connection connection = connect()) {
            assertThatThrownBy(() -> wholeRun.upgrade(connection, null, "heads"))
                    .hasMessageContaining("The whole run was rolled back");

            assertThat(tables(connection)).containsExactly("flotilla_history", "flotilla_version");
            assertThat(wholeRun.status(connection, null).revisions()).isEmpty();
            assertThat(wholeRun.history(connection, null)).extracting(HistoryEntry::revision, HistoryEntry::outcome)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("c3", Outcome.FAILED));
        }
    }

    @Test
    void aSchemaIsMigratedInPlaceAndTheConnectionIsPutBackAsItWas() throws Exception {
        scripts.revision("c3", "b2", "SET search_path TO public;\nSET lock_timeout = '1min';", "SELECT 1;");
        try (Connection connection = connect()) {
            execute(connection, "CREATE SCHEMA tenant_a");
            String before = strings(connection, "SELECT current_setting('search_path') || ' '"
                    + " || current_setting('lock_timeout')").get(0);

            migrator().upgrade(connection, "tenant_a", "heads");

            assertThat(strings(connection, "SELECT tablename FROM pg_tables WHERE schemaname = 'tenant_a' ORDER BY 1"))
                    .containsExactly("account", "flotilla_history", "flotilla_version", "project");
            assertThat(tables(connection)).isEmpty();
            assertThat(strings(connection, "SELECT current_setting('search_path') || ' '"
                    + " || current_setting('lock_timeout')").get(0)).isEqualTo(before);
            assertThat(migrator().status(connection, "tenant_a").revisions()).containsExactly("c3");
            assertThat(migrator().status(connection, null).initialized()).isFalse();
        }
    }

    @Test
    void aStepAfterAScriptThatMovedSearchPathStillLandsInTheTargetSchema() throws Exception {
        scripts.revision("c3", "b2", "SET search_path TO public;", "SELECT 1;")
                .revision("d4", "c3", "CREATE TABLE after_move (id INTEGER);", "DROP TABLE after_move;");
        try (Connection connection = connect()) {
            execute(connection, "CREATE SCHEMA tenant_a");

            migrator().upgrade(connection, "tenant_a", "heads");

            assertThat(strings(connection, "SELECT tablename FROM pg_tables WHERE schemaname = 'tenant_a' ORDER BY 1"))
                    .containsExactly("account", "after_move", "flotilla_history", "flotilla_version", "project");
            assertThat(strings(connection, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).isEmpty();
        }
    }

    @Test
    void everyStepButTheLastCommitsWithoutWaitingForTheLogWhichTheLastCommitFlushes() throws Exception {
        scripts.revision("c3", "b2", "CREATE TABLE c3 (id INTEGER);", "DROP TABLE c3;")
                .revision("d4", "c3", "", "SELECT 1;")
                .revision("e5", "d4", "CREATE TABLE e5 (id INTEGER);", "DROP TABLE e5;");
        try (Connection connection = connect()) {
            migrator().upgrade(connection, null, "b2");
            // What each step's commit will do, seen as its history row is written.
            execute(connection, "CREATE TABLE seen (revision TEXT, sync TEXT)");
            execute(connection, "CREATE FUNCTION see() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "INSERT INTO seen VALUES (NEW.revision, current_setting('synchronous_commit')); RETURN NEW; END $$");
            execute(connection, "CREATE TRIGGER see AFTER INSERT ON flotilla_history FOR EACH ROW EXECUTE FUNCTION see()");

            migrator().upgrade(connection, null, "heads");

            assertThat(strings(connection, "SELECT revision || '=' || sync FROM seen"))
                    .containsExactly("c3=off", "d4=off", "e5=on");
            assertThat(strings(connection, "SELECT current_setting('synchronous_commit')")).containsExactly("on");
            assertThat(migrator().status(connection, null).revisions()).containsExactly("e5");
        }
    }

    @Test
    void onAConnectionWithTheDialectsPropertiesTheRecordOfEveryStepIsPreparedOnceForTheRun() throws Exception {
        String previous = "b2";
        for (int i = 3; i <= 12; i++) {
            String id = "s" + i;
            scripts.revision(id, previous, "CREATE TABLE t" + i + " (id INTEGER);", "DROP TABLE t" + i + ";");
            previous = id;
        }
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", db.user());
        properties.setProperty("password", db.password());
        dev.flotilla.engine.dialect.Dialects.forUrl(db.jdbcUrl()).connectionProperties().forEach(properties::setProperty);
        try (Connection connection = java.sql.DriverManager.getConnection(db.jdbcUrl(), properties)) {
            migrator().upgrade(connection, null, "heads");

            // Prepared on the server at the driver's fifth use, then run again for every step after it,
            // though each step ran DDL (which makes the driver forget its prepared statements by default).
            assertThat(strings(connection, "SELECT (generic_plans + custom_plans)::text FROM pg_prepared_statements"
                    + " WHERE statement LIKE 'WITH settings AS%UPDATE%'")).containsExactly("6");
        }
    }

    @Test
    void aRunThatCannotGetTheLockInTimeSaysWhoHasItAndChangesNothing() throws Exception {
        Migrator impatient = new Migrator(scripts.load(), MigratorSettings.defaults("t")
                .withLockWait(Duration.ofMillis(300)), MigrationListener.NONE);
        try (Connection holder = connect(); Connection other = connect()) {
            var lock = dev.flotilla.engine.dialect.Dialects.of(holder).locks()
                    .acquire(holder, null, "flotilla_version", Duration.ZERO);
            try {
                assertThatThrownBy(() -> impatient.upgrade(other, null, "heads"))
                        .isInstanceOf(TargetLockedException.class)
                        .hasMessageContaining("is locked by another run");
            } finally {
                lock.close();
            }
            assertThat(tables(other)).isEmpty();
            assertThat(impatient.upgrade(other, null, "heads").after()).containsExactly("b2");
        }
    }

    @Test
    void aStepOutsideTheTransactionThatFailsPartWayLeavesTheTargetDirty() throws Exception {
        scripts.write("c3", "-- revision: c3\n-- down_revision: b2\n\n-- migrate:upgrade transaction=false\n"
                + "CREATE INDEX CONCURRENTLY project_account ON project (account_id);\n"
                + "CREATE INDEX CONCURRENTLY broken ON nowhere (x);\n\n-- migrate:downgrade\nSELECT 1;\n");
        try (Connection connection = connect()) {
            assertThatThrownBy(() -> migrator().upgrade(connection, null, "heads"))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("failed at statement 2 of 2")
                    .hasMessageContaining("the target is now dirty");

            TargetStatus status = migrator().status(connection, null);
            assertThat(status.revisions()).containsExactly("b2");
            assertThat(status.dirtyStep()).get().extracting(HistoryEntry::revision, HistoryEntry::statementsDone,
                    HistoryEntry::outcome).containsExactly("c3", 1, Outcome.DIRTY);
            assertThatThrownBy(() -> migrator().upgrade(connection, null, "heads"))
                    .isInstanceOf(DirtyTargetException.class)
                    .hasMessageContaining("the upgrade of revision c3 failed after statement 1 of 2 completed");

            execute(connection, "CREATE TABLE nowhere (x INTEGER)");
            RunResult resumed = migrator().repair(connection, null, RepairAction.RESUME);
            assertThat(resumed.after()).containsExactly("c3");
            assertThat(strings(connection, "SELECT indexname FROM pg_indexes WHERE tablename IN ('project', 'nowhere')"
                    + " AND indexname NOT LIKE '%pkey' ORDER BY 1")).containsExactly("broken", "project_account");
        }
    }

    @Test
    void aStepOutsideTheTransactionWhoseVersionRowMovedIsLeftDirtyAfterItsLastStatement() throws Exception {
        scripts.write("c3", "-- revision: c3\n-- down_revision: b2\n\n-- migrate:upgrade transaction=false\n"
                + "CREATE TABLE tag (id INTEGER);\nUPDATE flotilla_version SET version_num = 'elsewhere';\n\n"
                + "-- migrate:downgrade\nSELECT 1;\n");
        try (Connection connection = connect()) {
            assertThatThrownBy(() -> migrator().upgrade(connection, null, "heads"))
                    .isInstanceOf(VersionConflictException.class)
                    .hasMessageContaining("moving b2 to c3 touched 0 rows instead of 1");

            TargetStatus status = migrator().status(connection, null);
            assertThat(status.revisions()).containsExactly("elsewhere");
            assertThat(status.dirtyStep()).get().extracting(HistoryEntry::revision, HistoryEntry::statementsDone,
                    HistoryEntry::outcome).containsExactly("c3", 2, Outcome.DIRTY);
        }
    }
}
