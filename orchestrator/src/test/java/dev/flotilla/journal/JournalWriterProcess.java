package dev.flotilla.journal;

import dev.flotilla.run.Outcome;
import dev.flotilla.run.TenantResult;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An orchestrator stand-in for {@link JournalSurvivesKillTest}: begins a journal in the folder given as the
 * first argument and records tenants from four threads until it is killed. Never closes the journal.
 */
public final class JournalWriterProcess {

    static final int TENANTS = 100_000;

    private JournalWriterProcess() {
    }

    /** A little work per tenant, so the test kills a run in the middle rather than one that has ended. */
    private static void pause(int i) {
        if (i % 40 == 0) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> tenants = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            tenants.add("t" + i);
        }
        RunJournal journal = new FileJournalStore(Path.of(args[0])).journal();
        journal.begin(new RunHeader("killed", "upgrade", "heads", tenants, Instant.parse("2026-11-26T03:00:00Z")));
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int worker = w;
            Thread thread = new Thread(() -> {
                for (int i = worker; i < TENANTS; i += 4) {
                    journal.tenantStarted(tenants.get(i), "pg1");
                    pause(i);
                    journal.tenantFinished(new TenantResult(tenants.get(i), "pg1", List.of(), List.of("r1"),
                            List.of("r1"), 1, Duration.ofMillis(i), Outcome.MIGRATED, null));
                }
            });
            thread.start();
            workers.add(thread);
        }
        for (Thread thread : workers) {
            thread.join();
        }
        // Reaching here means the test was too slow to kill us: wait to be killed, as a hung run would.
        Thread.sleep(Duration.ofMinutes(1).toMillis());
    }
}
