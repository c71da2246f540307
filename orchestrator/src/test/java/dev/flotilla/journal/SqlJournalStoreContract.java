package dev.flotilla.journal;

import dev.flotilla.run.Outcome;
import dev.flotilla.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static dev.flotilla.journal.Journals.START;
import static dev.flotilla.journal.Journals.header;
import static dev.flotilla.journal.Journals.migrated;
import static dev.flotilla.journal.Journals.result;
import static dev.flotilla.journal.Journals.unchanged;
import static org.assertj.core.api.Assertions.assertThat;

/** The journal contract on a table in a real control database, plus what the table looks like. */
abstract class SqlJournalStoreContract extends JournalStoreContract {

    /** The class's database, without the journal table at the start of each test. */
    abstract TestDatabase database();

    @Override
    JournalStore store() {
        TestDatabase db = database();
        return SqlJournalStore.inDefaultTable(db::connect, "control");
    }

    @Test
    void theHeaderOfARunOverTwentyThousandTenantsIsKeptWhole() {
        List<String> tenants = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            tenants.add("tenant-" + i);
        }
        RunHeader header = new RunHeader("big", "upgrade", "heads", tenants, START);
        try (RunJournal journal = store().journal()) {
            journal.begin(header);
        }

        assertThat(store().read("big").header()).isEqualTo(header);
    }

    @Test
    void recordsOneCommittedRowPerRecordInFlotillaRuns() throws Exception {
        RunJournal journal = store().journal();
        journal.begin(header("run-1", START, "a", "b"));
        journal.tenantStarted("a", "pg1");
        journal.tenantFinished(migrated("a", List.of(), "r1"));
        journal.tenantFinished(result("b", Outcome.FAILED, List.of(), List.of(), List.of(), "boom"));

        // Read from another connection while the journal still holds its own: every row is committed.
        List<String> rows = rows();
        journal.close();

        assertThat(rows).containsExactly("run-1|0|run|null|null", "run-1|1|start|a|null", "run-1|2|tenant|a|migrated",
                "run-1|3|tenant|b|failed");
        assertThat(store().location()).isEqualTo("table flotilla_runs on control");
    }

    @Test
    void tenantsFoundAtTheTargetWaitForTheNextRecordThatMattersOrTheEnd() throws Exception {
        RunJournal journal = store().journal();
        journal.begin(header("run-1", START, "a", "b", "c", "d"));
        journal.tenantFinished(unchanged("a", "r2"));
        journal.tenantFinished(unchanged("b", "r2"));
        List<String> beforeAFailure = rows();
        journal.tenantFinished(result("c", Outcome.FAILED, List.of(), List.of(), List.of(), "boom"));
        List<String> afterAFailure = rows();
        journal.tenantFinished(unchanged("d", "r2"));
        journal.close();

        assertThat(beforeAFailure).containsExactly("run-1|0|run|null|null");
        assertThat(afterAFailure).containsExactly("run-1|0|run|null|null", "run-1|1|tenant|a|unchanged",
                "run-1|2|tenant|b|unchanged", "run-1|3|tenant|c|failed");
        assertThat(rows()).hasSize(5).last().isEqualTo("run-1|4|tenant|d|unchanged");
    }

    @Test
    void aNoOpRunOverTenThousandTenantsIsRecordedWhole() {
        List<String> tenants = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            tenants.add("t" + i);
        }
        JournalStore store = store();
        try (RunJournal journal = store.journal()) {
            journal.begin(new RunHeader("noop", "upgrade", "heads", tenants, START));
            tenants.forEach(tenant -> journal.tenantFinished(unchanged(tenant, "r2")));
        }

        RecordedRun run = store.read("noop");

        assertThat(run.results()).hasSize(10_000);
        assertThat(run.resume()).isEmpty();
        assertThat(run.undo()).isEmpty();
    }

    /** Tests share the class's database; each starts as a control database that never saw a run. */
    void dropJournalTable() throws SQLException {
        try (Connection connection = database().connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS flotilla_runs");
        }
    }

    private List<String> rows() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database().connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT run_id, seq, kind, tenant, outcome FROM flotilla_runs ORDER BY seq")) {
            while (result.next()) {
                rows.add(result.getString(1) + "|" + result.getInt(2) + "|" + result.getString(3) + "|"
                        + result.getString(4) + "|" + result.getString(5));
            }
        }
        return rows;
    }
}
