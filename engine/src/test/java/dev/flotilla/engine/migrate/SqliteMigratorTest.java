package dev.flotilla.engine.migrate;

import dev.flotilla.engine.migrate.HistoryEntry.Outcome;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The runner on SQLite: every step is a savepoint in the run's exclusive transaction. */
class SqliteMigratorTest extends MigratorContract {

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + root.resolve("target.db"));
    }

    @Override
    List<String> tables(Connection connection) throws SQLException {
        return strings(connection, "SELECT lower(name) FROM sqlite_master WHERE type = 'table'"
                + " AND name NOT LIKE 'sqlite_%' ORDER BY 1");
    }

    @Override
    boolean groupsStatementFreeSteps() {
        return false;
    }

    @Test
    void aFailingStepLeavesNothingOfItselfAndKeepsTheStepsBeforeIt() throws Exception {
        scripts.revision("c3", "b2", "CREATE TABLE tag (id INTEGER PRIMARY KEY);\nINSERT INTO nowhere VALUES (1);",
                "DROP TABLE tag;");
        try (Connection connection = connect()) {
            assertThatThrownBy(() -> migrator().upgrade(connection, null, "heads"))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith("jdbc:sqlite:" + root.resolve("target.db") + ": upgrade to c3 failed at"
                            + " statement 2 of 2 (" + scripts.file("c3") + " line 7): ")
                    .hasMessageContaining("no such table: nowhere")
                    .hasMessageEndingWith("\n  Everything this step did was rolled back; the target is at the"
                            + " revision before it.")
                    .satisfies(e -> assertThat(((MigrationException) e).leftDirty()).isFalse());

            assertThat(tables(connection)).containsExactly("account", "flotilla_history", "flotilla_version",
                    "project");
            TargetStatus status = migrator().status(connection, null);
            assertThat(status.revisions()).containsExactly("b2");
            assertThat(status.isDirty()).isFalse();
            HistoryEntry failed = migrator().history(connection, null).get(2);
            assertThat(failed.revision()).isEqualTo("c3");
            assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(failed.statementsDone()).isEqualTo(1);
            assertThat(failed.error()).contains("no such table: nowhere");
        }
    }

    @Test
    void pragmasAScriptChangesDoNotOutliveTheRun() throws Exception {
        scripts.revision("c3", "b2", "PRAGMA recursive_triggers = ON;", "SELECT 1;");
        try (Connection connection = connect()) {
            execute(connection, "PRAGMA recursive_triggers = OFF");
            migrator().upgrade(connection, null, "heads");
            assertThat(count(connection, "PRAGMA recursive_triggers")).isZero();
        }
    }
}
