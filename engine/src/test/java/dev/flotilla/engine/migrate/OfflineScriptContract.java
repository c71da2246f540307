package dev.flotilla.engine.migrate;

import dev.flotilla.engine.dialect.Dialects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static dev.flotilla.engine.migrate.MigratorContract.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An offline script, run by the database's own client, does what an online run does: the same catalog,
 * the same version rows, history rows for the same revisions. Subclasses provide two fresh targets of
 * one dialect: A, migrated online, and B, fed offline scripts.
 */
abstract class OfflineScriptContract {

    @TempDir
    Path root;

    Scripts scripts;

    abstract String dialect();

    abstract Connection connectOnline() throws SQLException;

    abstract Connection connectOffline() throws SQLException;

    /** Runs a script on target B with the dialect's client. */
    abstract void runOffline(String script) throws Exception;

    /** Every object of the target as text (tables, indexes, routines, triggers), comparable across targets. */
    abstract List<String> catalog(Connection connection) throws Exception;

    /** The object c3 creates with a body holding semicolons: index of the DO block, procedure or trigger. */
    abstract String bodyObject();

    /** The target's tables, lower-case, sorted, without the database's own. */
    abstract List<String> tables(Connection connection) throws SQLException;

    /**
     * Three revisions: a table; an index; then a PostgreSQL {@code DO} block, a MySQL procedure with
     * semicolons in its body, and for SQLite (the generic section) a trigger, whose body has them too.
     */
    @BeforeEach
    void threeRevisions() {
        scripts = new Scripts(root)
                .revision("a1", null, "CREATE TABLE account (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);",
                        "DROP TABLE account;")
                .write("b2", """
                        -- revision: b2
                        -- down_revision: a1

                        -- migrate:upgrade
                        CREATE INDEX account_name ON account (name);

                        -- migrate:downgrade dialect=mysql
                        DROP INDEX account_name ON account;

                        -- migrate:downgrade
                        DROP INDEX account_name;
                        """)
                .write("c3", """
                        -- revision: c3
                        -- down_revision: b2

                        -- migrate:upgrade dialect=postgresql
                        CREATE TABLE audit (id INTEGER PRIMARY KEY, note TEXT);
                        DO $$
                        BEGIN
                            IF NOT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'audit_note') THEN
                                CREATE INDEX audit_note ON audit (note);
                            END IF;
                            INSERT INTO account (id, name) VALUES (1, 'first; with a semicolon');
                        END
                        $$;

                        -- migrate:upgrade dialect=mysql
                        CREATE TABLE audit (id INTEGER PRIMARY KEY, note TEXT);
                        CREATE PROCEDURE rename_account(IN account_id INTEGER, IN new_name VARCHAR(50))
                        BEGIN
                            UPDATE account SET name = new_name WHERE id = account_id;
                            INSERT INTO audit (id, note) VALUES (account_id, CONCAT('renamed; to ', new_name));
                        END;

                        -- migrate:upgrade
                        CREATE TABLE audit (id INTEGER PRIMARY KEY, note TEXT);
                        CREATE TRIGGER account_audit AFTER INSERT ON account
                        BEGIN
                            INSERT INTO audit (note) VALUES ('added; ' || NEW.name);
                        END;

                        -- migrate:downgrade dialect=mysql
                        DROP PROCEDURE rename_account;
                        DROP TABLE audit;

                        -- migrate:downgrade
                        DROP TABLE audit;
                        """);
    }

    Migrator migrator() {
        return new Migrator(scripts.load(), MigratorSettings.defaults("tester@test"), MigrationListener.NONE);
    }

    OfflineScript offline() {
        return new OfflineScript(scripts.load(), MigratorSettings.defaults("tester@test"), Dialects.named(dialect()),
                null, "offline-run");
    }

    @Test
    void anOfflineUpgradeRunByTheClientLeavesWhatAnOnlineUpgradeLeaves() throws Exception {
        try (Connection online = connectOnline()) {
            migrator().upgrade(online, null, "heads");
        }
        runOffline(offline().upgrade("heads"));

        try (Connection online = connectOnline(); Connection offline = connectOffline()) {
            assertThat(catalog(offline)).isEqualTo(catalog(online))
                    .anyMatch(entry -> entry.contains("account_name")).anyMatch(entry -> entry.contains(bodyObject()));
            assertThat(versions(offline)).containsExactly("c3").isEqualTo(versions(online));
            assertThat(historySummary(offline)).isEqualTo(historySummary(online))
                    .containsExactly("a1 upgrade applied 1", "b2 upgrade applied 1", "c3 upgrade applied 2");
            assertThat(checksums(offline)).isEqualTo(checksums(online));
            assertThat(migrator().status(offline, null)).extracting(TargetStatus::revisions, TargetStatus::isDirty)
                    .containsExactly(List.of("c3"), false);
        }
    }

    @Test
    void anOfflineDowngradeFromHeadsToBaseLeavesOnlyFlotillasTables() throws Exception {
        runOffline(offline().upgrade("heads"));
        runOffline(offline().downgrade("heads:base"));

        try (Connection offline = connectOffline()) {
            assertThat(tables(offline)).containsExactly("flotilla_history", "flotilla_version");
            assertThat(versions(offline)).isEmpty();
            assertThat(catalog(offline)).noneMatch(entry -> entry.contains("rename_account")
                    || entry.contains("account_audit") || entry.contains("account_name"));
            assertThat(historySummary(offline)).map(row -> row.substring(0, row.lastIndexOf(' '))).containsExactly(
                    "a1 upgrade applied", "b2 upgrade applied", "c3 upgrade applied",
                    "c3 downgrade applied", "b2 downgrade applied", "a1 downgrade applied");
        }
    }

    @Test
    void anOfflineStampWritesTheVersionRowsAndAStampRowWithoutRunningAnyStep() throws Exception {
        runOffline(offline().stamp(List.of("base:b2"), false));
        try (Connection offline = connectOffline()) {
            assertThat(tables(offline)).containsExactly("flotilla_history", "flotilla_version");
            assertThat(versions(offline)).containsExactly("b2");
            assertThat(historySummary(offline)).containsExactly("b2 stamp applied 0");
        }

        runOffline(offline().stamp(List.of("heads"), true));
        try (Connection offline = connectOffline()) {
            assertThat(versions(offline)).containsExactly("c3");
            assertThat(migrator().status(offline, null).revisions()).containsExactly("c3");
        }
    }

    private static List<String> versions(Connection connection) throws SQLException {
        return strings(connection, "SELECT version_num FROM flotilla_version ORDER BY 1");
    }

    /** Each history row as "revision direction outcome statements_done", oldest first. */
    private static List<String> historySummary(Connection connection) throws SQLException {
        return strings(connection, "SELECT CONCAT(revision, ' ', direction, ' ', outcome, ' ', statements_done)"
                + " FROM flotilla_history ORDER BY id");
    }

    private static List<String> checksums(Connection connection) throws SQLException {
        return strings(connection, "SELECT COALESCE(checksum, '-') FROM flotilla_history ORDER BY id");
    }
}
