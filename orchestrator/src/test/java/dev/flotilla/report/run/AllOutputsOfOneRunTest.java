package dev.flotilla.report.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.journal.FileJournalStore;
import dev.flotilla.journal.RecordedRun;
import dev.flotilla.journal.RunHeader;
import dev.flotilla.journal.RunJournal;
import dev.flotilla.metrics.MetricsOutput;
import dev.flotilla.metrics.MetricsSettings;
import dev.flotilla.run.Outcome;
import dev.flotilla.run.RunListener;
import dev.flotilla.run.RunSummary;
import dev.flotilla.run.TenantResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outputs in the order the CLI wires them (journal, metrics, then the per-tenant log; then report and
 * summary), fed by workers at once: every output tells the same story. The log here is this package's
 * {@link TenantLog} ({@code RunProgress.create(ProgressStyle.LOG, ...)}, the Java API's log style); the CLI
 * puts its own {@code cli.TenantLines} in that place, and FleetRunCommandsTest specifies those lines.
 */
class AllOutputsOfOneRunTest {

    private static final Instant START = Instant.parse("2026-11-26T03:00:00Z");
    private static final int TENANTS = 300;

    @TempDir
    Path dir;

    @Test
    void journalMetricsLogReportAndSummaryAgreeAfterAConcurrentRun() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            ids.add("t" + i);
        }
        StringWriter log = new StringWriter();
        FileJournalStore journals = new FileJournalStore(dir.resolve("runs"));
        Path textfile = dir.resolve("flotilla.prom");
        ConcurrentLinkedQueue<TenantResult> results = new ConcurrentLinkedQueue<>();
        RunSummary summary;
        try (MetricsOutput metrics = MetricsOutput.open(MetricsSettings.of(null, textfile));
             RunJournal journal = journals.journal()) {
            journal.begin(new RunHeader("run-1", "upgrade", "heads", ids, START));
            RunListener listener = new InOrder(List.of(journal, metrics.listener(),
                    RunProgress.create(ProgressStyle.LOG, new PrintWriter(log), Clock.systemUTC())));
            listener.runStarted("run-1", "upgrade", TENANTS);
            runConcurrently(ids, listener, results);
            List<TenantResult> inOrder = ids.stream()
                    .map(id -> results.stream().filter(r -> r.tenant().equals(id)).findFirst().orElseThrow()).toList();
            summary = new RunSummary("run-1", "upgrade", "heads", START, START.plusSeconds(9), inOrder,
                    Optional.empty(), false);
            listener.runFinished(summary);
        }
        Path report = dir.resolve("report.json");
        new RunReportJson().write(summary, report);

        // 300 tenants: every 10th failed (30), every 7th of the rest unchanged, the others migrated.
        long failed = 30;
        long unchanged = ids.stream().map(id -> Integer.parseInt(id.substring(1)))
                .filter(i -> i % 10 != 0 && i % 7 == 0).count();
        long migrated = TENANTS - failed - unchanged;
        JsonNode counts = new ObjectMapper().readTree(report.toFile()).get("run").get("counts");
        assertThat(counts.get("migrated").asLong()).isEqualTo(migrated);
        assertThat(counts.get("unchanged").asLong()).isEqualTo(unchanged);
        assertThat(counts.get("failed").asLong()).isEqualTo(failed);
        assertThat(Files.readString(textfile)).contains(
                "flotilla_tenants_total{outcome=\"migrated\"} " + (double) migrated + "\n",
                "flotilla_tenants_total{outcome=\"failed\"} " + (double) failed + "\n",
                "flotilla_tenants_in_flight 0.0\n");
        assertThat(log.toString().lines()).hasSize(TENANTS)
                .allMatch(line -> line.matches("t\\d+: (migrated <base> -> r2 \\(2 steps, \\d+ ms\\)"
                        + "|unchanged r2 -> r2 \\(0 steps, \\d+ ms\\)"
                        + "|failed <base> -> <base> \\(0 steps, \\d+ ms, 2 attempts\\): duplicate table)"));
        RecordedRun recorded = journals.read("run-1");
        assertThat(recorded.results()).hasSize(TENANTS);
        assertThat(recorded.resume()).hasSize((int) failed).allMatch(id -> Integer.parseInt(id.substring(1)) % 10 == 0);
        assertThat(recorded.undo()).hasSize((int) migrated);
        assertThat(new RunSummaryText().render(summary).lines().toList().get(1))
                .isEqualTo("  migrated " + migrated + ", unchanged " + unchanged + ", failed " + failed);
    }

    private static void runConcurrently(List<String> ids, RunListener listener,
                                        ConcurrentLinkedQueue<TenantResult> results) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int worker = w;
            done.add(workers.submit(() -> {
                go.await();
                for (int i = worker; i < ids.size(); i += 4) {
                    TenantResult result = tenant(ids.get(i), i, listener);
                    results.add(result);
                    listener.tenantFinished(result);
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> future : done) {
            future.get();
        }
        workers.shutdown();
    }

    private static TenantResult tenant(String id, int i, RunListener listener) {
        listener.tenantStarted(id, "pg1");
        if (i % 10 == 0) {
            listener.tenantRetrying(id, "pg1", 1, "lock timeout", Duration.ZERO);
            return new TenantResult(id, "pg1", List.of(), List.of(), List.of(), 2, Duration.ofMillis(i), Outcome.FAILED,
                    "duplicate table\nin r1");
        }
        if (i % 7 == 0) {
            return new TenantResult(id, "pg1", List.of("r2"), List.of("r2"), List.of(), 1, Duration.ofMillis(i),
                    Outcome.UNCHANGED, null);
        }
        listener.stepFinished(id, "pg1", "r1", Duration.ofMillis(1));
        listener.stepFinished(id, "pg1", "r2", Duration.ofMillis(1));
        return new TenantResult(id, "pg1", List.of(), List.of("r2"), List.of("r1", "r2"), 1, Duration.ofMillis(i),
                Outcome.MIGRATED, null);
    }

    /** The events this spec sends, told to each listener in turn (the run's own fan-out does this in the CLI). */
    private record InOrder(List<RunListener> listeners) implements RunListener {

        @Override
        public void runStarted(String runId, String command, int tenants) {
            listeners.forEach(listener -> listener.runStarted(runId, command, tenants));
        }

        @Override
        public void tenantStarted(String tenant, String server) {
            listeners.forEach(listener -> listener.tenantStarted(tenant, server));
        }

        @Override
        public void stepFinished(String tenant, String server, String revision, Duration duration) {
            listeners.forEach(listener -> listener.stepFinished(tenant, server, revision, duration));
        }

        @Override
        public void tenantRetrying(String tenant, String server, int failedAttempt, String error, Duration delay) {
            listeners.forEach(listener -> listener.tenantRetrying(tenant, server, failedAttempt, error, delay));
        }

        @Override
        public void tenantFinished(TenantResult result) {
            listeners.forEach(listener -> listener.tenantFinished(result));
        }

        @Override
        public void runFinished(RunSummary summary) {
            listeners.forEach(listener -> listener.runFinished(summary));
        }
    }
}
