package dev.flotilla.journal;

import dev.flotilla.run.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static dev.flotilla.journal.Journals.START;
import static dev.flotilla.journal.Journals.header;
import static dev.flotilla.journal.Journals.migrated;
import static dev.flotilla.journal.Journals.result;
import static dev.flotilla.journal.Journals.unchanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileJournalStoreTest extends JournalStoreContract {

    @TempDir
    Path dir;

    @Override
    JournalStore store() {
        return new FileJournalStore(dir.resolve("runs"));
    }

    @Test
    void byDefaultJournalsLiveInDotFlotillaRunsNextToTheConfig() {
        FileJournalStore store = FileJournalStore.besideConfig(dir.resolve("project/flotilla.yaml"));
        try (RunJournal journal = store.journal()) {
            journal.begin(header("20261126-030000-ab12", START, "a"));
        }

        assertThat(store.location()).isEqualTo(dir.resolve("project/.flotilla/runs").toString());
        assertThat(dir.resolve("project/.flotilla/runs/20261126-030000-ab12.jsonl")).isRegularFile();
    }

    @Test
    void writesOneJsonRecordPerLineHeaderFirst() throws Exception {
        try (RunJournal journal = store().journal()) {
            journal.begin(header("run-1", START, "a", "b"));
            journal.tenantFinished(migrated("a", List.of(), "r1"));
            journal.tenantFinished(result("b", Outcome.FAILED, List.of("r1"), List.of("r1"), List.of(), "boom\nat r2"));
        }

        assertThat(Files.readAllLines(dir.resolve("runs/run-1.jsonl"))).containsExactly(
                "{\"type\":\"run\",\"journal_version\":1,\"run_id\":\"run-1\",\"command\":\"upgrade\",\"target\":\"heads\","
                        + "\"started_at\":\"2026-11-26T03:00:00Z\",\"tenants\":[\"a\",\"b\"]}",
                "{\"type\":\"tenant\",\"tenant\":\"a\",\"server\":\"pg1\",\"outcome\":\"migrated\",\"from\":[],\"to\":[\"r1\"],"
                        + "\"steps\":[\"r1\"],\"attempts\":1,\"duration_ms\":25,\"error\":null}",
                "{\"type\":\"tenant\",\"tenant\":\"b\",\"server\":\"pg1\",\"outcome\":\"failed\",\"from\":[\"r1\"],"
                        + "\"to\":[\"r1\"],\"steps\":[],\"attempts\":1,\"duration_ms\":25,\"error\":\"boom\\nat r2\"}");
    }

    @Test
    void tenantsFoundAtTheTargetWaitForTheNextRecordThatMattersOrTheEnd() throws Exception {
        Path file = dir.resolve("runs/run-1.jsonl");
        RunJournal journal = store().journal();
        journal.begin(header("run-1", START, "a", "b", "c", "d"));
        journal.tenantFinished(unchanged("a", "r2"));
        journal.tenantFinished(unchanged("b", "r2"));
        List<String> beforeAFailure = outcomes(file);
        journal.tenantFinished(result("c", Outcome.FAILED, List.of(), List.of(), List.of(), "boom"));
        List<String> afterAFailure = outcomes(file);
        journal.tenantFinished(unchanged("d", "r2"));
        List<String> beforeTheClose = outcomes(file);
        journal.close();

        assertThat(beforeAFailure).containsExactly("run");
        assertThat(afterAFailure).containsExactly("run", "a unchanged", "b unchanged", "c failed");
        assertThat(beforeTheClose).isEqualTo(afterAFailure);
        assertThat(outcomes(file)).containsExactly("run", "a unchanged", "b unchanged", "c failed", "d unchanged");
    }

    @Test
    void aNoOpRunWritesItsTenantsInGroupsOfFiveHundred() throws Exception {
        Path file = dir.resolve("runs/noop.jsonl");
        List<String> tenants = java.util.stream.IntStream.range(0, 1_001).mapToObj(i -> "t" + i).toList();
        try (RunJournal journal = store().journal()) {
            journal.begin(new RunHeader("noop", "upgrade", "heads", tenants, START));
            List<Integer> written = new java.util.ArrayList<>();
            for (String tenant : tenants) {
                journal.tenantFinished(unchanged(tenant, "r2"));
                written.add(Files.readAllLines(file).size() - 1);
            }
            assertThat(written.get(498)).isZero();
            assertThat(written.get(499)).isEqualTo(500);
            assertThat(written.get(998)).isEqualTo(500);
            assertThat(written.get(999)).isEqualTo(1_000);
            assertThat(written.get(1_000)).isEqualTo(1_000);
        }
        assertThat(Files.readAllLines(file)).hasSize(1_002);
        assertThat(store().read("noop").resume()).isEmpty();
    }

    /** Each record's type, or tenant and outcome, as the file holds them now. */
    private static List<String> outcomes(Path file) throws Exception {
        return Files.readAllLines(file).stream().map(line -> line.startsWith("{\"type\":\"run\"") ? "run"
                : line.replaceAll(".*\"tenant\":\"([^\"]+)\".*\"outcome\":\"([^\"]+)\".*", "$1 $2")).toList();
    }

    @Test
    void aLastLineTornByACrashIsIgnoredWithAWarning() throws Exception {
        JournalStore store = store();
        try (RunJournal journal = store.journal()) {
            journal.begin(header("run-1", START, "a", "b"));
            journal.tenantFinished(migrated("a", List.of(), "r1"));
        }
        Files.writeString(dir.resolve("runs/run-1.jsonl"), "{\"type\":\"tenant\",\"tenant\":\"b\",\"ser",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        RecordedRun run = store.read("run-1");

        assertThat(run.results()).containsExactly(migrated("a", List.of(), "r1"));
        assertThat(run.resume()).containsExactly("b");
        assertThat(run.warnings()).containsExactly(dir.resolve("runs/run-1.jsonl") + ":3: ignored an incomplete "
                + "last record (the run was killed while writing it); its tenant counts as not finished");
    }

    @Test
    void aDamagedLineBeforeTheLastIsAnError() throws Exception {
        Path file = dir.resolve("runs/run-1.jsonl");
        try (RunJournal journal = store().journal()) {
            journal.begin(header("run-1", START, "a", "b"));
            journal.tenantFinished(migrated("a", List.of(), "r1"));
        }
        List<String> lines = Files.readAllLines(file);
        Files.write(file, List.of(lines.get(0), "garbage", lines.get(1)));

        assertThatThrownBy(() -> store().read("run-1"))
                .isInstanceOf(JournalException.class)
                .hasMessageStartingWith(file + ":2: damaged record (")
                .hasMessageEndingWith("); only the last record of a journal can be cut short by a crash");
    }

    @Test
    void aJournalWithoutItsHeaderCannotBeResumed() throws Exception {
        Files.createDirectories(dir.resolve("runs"));
        Files.writeString(dir.resolve("runs/run-1.jsonl"), "{\"type\":\"run\",\"run_");

        assertThatThrownBy(() -> store().read("run-1"))
                .isInstanceOf(JournalException.class)
                .hasMessage(dir.resolve("runs/run-1.jsonl") + " has no run header: the run was killed before it "
                        + "started anything, or this is not a Flotilla journal");
        assertThat(store().runs()).isEmpty();
    }

    @Test
    void aRunIdThatCouldLeaveTheFolderIsRejected() {
        assertThatThrownBy(() -> store().read("../../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a run id is 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit, "
                        + "found '../../etc/passwd'");
    }
}
