package dev.flotilla.journal;

import dev.flotilla.run.Outcome;
import dev.flotilla.run.TenantResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.flotilla.journal.Journals.START;
import static dev.flotilla.journal.Journals.header;
import static dev.flotilla.journal.Journals.migrated;
import static dev.flotilla.journal.Journals.mixedResults;
import static dev.flotilla.journal.Journals.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every journal store does, whatever it writes to; subclasses give the store. */
abstract class JournalStoreContract {

    /** A store with no runs in it yet. */
    abstract JournalStore store();

    @Test
    void readsBackTheHeaderEveryResultAndTheEnd() {
        JournalStore store = store();
        RunHeader header = header("run-1", START, "a", "b", "c", "d", "e", "f", "g");
        try (RunJournal journal = store.journal()) {
            journal.begin(header);
            journal.runStarted("run-1", "upgrade", 7);
            mixedResults().forEach(journal::tenantFinished);
            journal.runFinished(summary(header, mixedResults()));
        }

        RecordedRun run = store.read("run-1");

        assertThat(run.header()).isEqualTo(header);
        assertThat(run.results()).isEqualTo(mixedResults());
        assertThat(run.end()).contains(new RunEnd(START.plusSeconds(3), false, Optional.of("failure budget of 1 spent")));
        assertThat(run.warnings()).isEmpty();
    }

    @Test
    void resumeGivesTheFailedLockedSkippedAndUnfinishedTenantsInSelectionOrder() {
        JournalStore store = store();
        RunJournal journal = store.journal();
        journal.begin(header("run-1", START, "g", "f", "e", "d", "c", "b", "a"));
        mixedResults().forEach(journal::tenantFinished);
        // No runFinished and no close: the orchestrator was killed here; every record so far must be readable.

        RecordedRun run = store.read("run-1");

        assertThat(run.end()).isEmpty();
        assertThat(run.resume()).containsExactly("f", "e", "d", "c");
        journal.close();
    }

    @Test
    void unfinishedGivesTheTenantsThatStartedAndNeverEnded() {
        JournalStore store = store();
        try (RunJournal journal = store.journal()) {
            journal.begin(header("run-1", START, "a", "b", "c", "d"));
            journal.tenantStarted("d", "pg1");
            journal.tenantStarted("a", "pg1");
            journal.tenantStarted("b", "pg1");
            journal.tenantFinished(migrated("a", List.of(), "r1"));
            // Killed here: b and d were in flight, c never started.
        }

        RecordedRun run = store.read("run-1");

        assertThat(run.started()).containsExactly("d", "a", "b");
        assertThat(run.unfinished()).containsExactly("b", "d");
        assertThat(run.resume()).containsExactly("b", "c", "d");
    }

    @Test
    void undoGivesEachTenantTheRunMovedItsRevisionsBeforeAndTheStepsApplied() {
        JournalStore store = store();
        try (RunJournal journal = store.journal()) {
            journal.begin(header("run-1", START, "a", "b", "c", "d", "e", "f", "g"));
            mixedResults().forEach(journal::tenantFinished);
        }

        assertThat(store.read("run-1").undo()).containsExactly(
                new TenantUndo("a", "pg1", List.of(), List.of("r2"), List.of("r1", "r2")),
                new TenantUndo("c", "pg1", List.of(), List.of("r1"), List.of("r1")),
                new TenantUndo("g", "pg1", List.of("r1"), List.of("r2"), List.of("r2")));
    }

    @Test
    void anUnknownRunIsAnErrorListingTheRunsNewestFirst() {
        JournalStore store = store();
        for (String[] run : new String[][]{{"older", "0"}, {"newest", "7200"}, {"middle", "3600"}}) {
            try (RunJournal journal = store.journal()) {
                journal.begin(header(run[0], START.plusSeconds(Long.parseLong(run[1])), "a", "b"));
            }
        }

        assertThatThrownBy(() -> store.read("nope"))
                .isInstanceOfSatisfying(UnknownRunException.class, e -> assertThat(e.available())
                        .extracting(RunHeader::runId).containsExactly("newest", "middle", "older"))
                .hasMessage("no run 'nope' in " + store.location() + "; runs recorded there, newest first:\n"
                        + "  newest (upgrade heads, 2026-11-26T05:00:00Z, 2 tenants)\n"
                        + "  middle (upgrade heads, 2026-11-26T04:00:00Z, 2 tenants)\n"
                        + "  older (upgrade heads, 2026-11-26T03:00:00Z, 2 tenants)");
    }

    @Test
    void anUnknownRunWhereNoneWereRecordedSaysSo() {
        JournalStore store = store();

        assertThat(store.runs()).isEmpty();
        assertThatThrownBy(() -> store.read("nope"))
                .isInstanceOf(UnknownRunException.class)
                .hasMessage("no run 'nope' in " + store.location() + ": no runs have been recorded there yet");
    }

    @Test
    void aSecondJournalForTheSameRunIsRefusedAndTheFirstKept() {
        JournalStore store = store();
        try (RunJournal journal = store.journal()) {
            journal.begin(header("run-1", START, "a"));
            journal.tenantFinished(migrated("a", List.of(), "r1"));
        }

        RunJournal second = store.journal();
        assertThatThrownBy(() -> second.begin(header("run-1", START, "b")))
                .isInstanceOf(JournalException.class)
                .hasMessageStartingWith("a journal for run run-1 already exists");
        second.close();

        assertThat(store.read("run-1").results()).containsExactly(migrated("a", List.of(), "r1"));
    }

    @Test
    void workersRecordingAtOnceLoseNoTenant() throws Exception {
        JournalStore store = store();
        List<String> tenants = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            tenants.add("t" + i);
        }
        RunJournal journal = store.journal();
        journal.begin(new RunHeader("run-1", "upgrade", "heads", tenants, START));
        ExecutorService workers = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int worker = w;
            done.add(workers.submit(() -> {
                go.await();
                for (int i = worker; i < tenants.size(); i += 4) {
                    journal.tenantFinished(new TenantResult(tenants.get(i), "pg1", List.of(), List.of("r1"),
                            List.of("r1"), 1, Duration.ofMillis(i), Outcome.MIGRATED, null));
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> future : done) {
            future.get();
        }
        workers.shutdown();
        journal.close();

        RecordedRun run = store.read("run-1");
        assertThat(run.results()).extracting(TenantResult::tenant).containsExactlyInAnyOrderElementsOf(tenants);
        assertThat(run.resume()).isEmpty();
        assertThat(run.undo()).hasSize(400);
    }

    @Test
    void aRunStartedUnderAnotherIdIsReportedWhenTheJournalCloses() {
        RunJournal journal = store().journal();
        journal.begin(header("run-1", START, "a"));
        journal.runStarted("run-2", "upgrade", 1);

        assertThatThrownBy(journal::close)
                .isInstanceOf(JournalException.class)
                .hasMessage("the run started as run-2 but its journal was begun as run-1: give the run the journal's id");
    }

    @Test
    void aResultBeforeBeginIsReportedWhenTheJournalCloses() {
        RunJournal journal = store().journal();
        journal.tenantFinished(migrated("a", List.of(), "r1"));

        assertThatThrownBy(journal::close)
                .isInstanceOf(JournalException.class)
                .hasMessage("the run reported a result before its journal was begun: call begin(header) before "
                        + "starting the run");
    }
}
