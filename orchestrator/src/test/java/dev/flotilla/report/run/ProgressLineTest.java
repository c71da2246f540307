package dev.flotilla.report.run;

import dev.flotilla.run.RunListener;
import dev.flotilla.run.TenantResult;
import dev.flotilla.run.Outcome;
import dev.flotilla.run.RunSummary;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.flotilla.report.run.Results.failed;
import static dev.flotilla.report.run.Results.migrated;
import static dev.flotilla.report.run.Results.skipped;
import static org.assertj.core.api.Assertions.assertThat;

class ProgressLineTest {

    private static final Instant T0 = Instant.parse("2026-11-26T03:00:00Z");
    private static final String CLEAR = "\u001b[K";

    private final StringWriter text = new StringWriter();
    private final TestClock clock = new TestClock(T0);
    private final RunListener progress = RunProgress.create(ProgressStyle.LINE, new PrintWriter(text), clock);

    @Test
    void drawsOneLineInPlaceWithDoneFailedRetryingRunningRateAndEta() {
        progress.runStarted("run-1", "upgrade", 10);
        clock.advance(Duration.ofSeconds(1));
        progress.tenantStarted("a", "pg1");
        clock.advance(Duration.ofSeconds(1));
        progress.tenantRetrying("a", "pg1", 1, "lock timeout", Duration.ofMillis(100));
        clock.advance(Duration.ofSeconds(2));
        progress.tenantFinished(migrated("b", 10, "r1"));

        assertThat(text.toString()).isEqualTo(
                "\r0/10 done, 0 failed, 0 retrying, 0 running, 0.0 tenants/s, ETA --" + CLEAR
                        + "\r0/10 done, 0 failed, 0 retrying, 1 running, 0.0 tenants/s, ETA --" + CLEAR
                        + "\r0/10 done, 0 failed, 1 retrying, 1 running, 0.0 tenants/s, ETA --" + CLEAR
                        + "\r1/10 done, 0 failed, 1 retrying, 1 running, 0.3 tenants/s, ETA 36s" + CLEAR);
    }

    @Test
    void aLinePrintedAboveClearsTheProgressLineFirstAndTheLineIsDrawnAgainAtOnce() {
        StringWriter shared = new StringWriter();
        PrintWriter terminal = new PrintWriter(shared, true);
        RunListener errors = new RunListener() {
            @Override
            public void tenantFinished(TenantResult result) {
                if (result.outcome() == Outcome.FAILED) {
                    terminal.print("error: " + result.error() + "\n");
                }
            }
        };
        RunListener line = RunProgress.create(ProgressStyle.LINE, terminal, clock, errors);
        line.runStarted("run-1", "upgrade", 2);
        clock.advance(Duration.ofMillis(10)); // within the redraw interval: only the failure redraws
        line.tenantFinished(failed("a", 10, 1, "boom"));

        assertThat(shared.toString()).isEqualTo(
                "\r0/2 done, 0 failed, 0 retrying, 0 running, 0.0 tenants/s, ETA --" + CLEAR
                        + "\r" + CLEAR + "error: boom\n"
                        + "\r1/2 done, 1 failed, 0 retrying, 0 running, 100.0 tenants/s, ETA 1s" + CLEAR);
    }

    @Test
    void redrawsAtMostFiveTimesASecond() {
        progress.runStarted("run-1", "upgrade", 100);
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofMillis(10));
            progress.tenantStarted("t" + i, "pg1");
        }
        // One second of events: the start, then one redraw each 200 ms.
        assertThat(text.toString().chars().filter(c -> c == '\r').count()).isEqualTo(6);
    }

    @Test
    void theEndAlwaysRedrawsTheFinalCountsAndEndsTheLine() {
        progress.runStarted("run-1", "upgrade", 3);
        progress.tenantStarted("a", "pg1");
        progress.tenantFinished(migrated("a", 10, "r1"));
        progress.tenantFinished(failed("b", 10, 1, "boom"));
        progress.tenantFinished(skipped("c", "server unavailable: my1"));
        clock.advance(Duration.ofSeconds(2));
        progress.runFinished(summary());

        assertThat(text.toString()).endsWith(
                "\r3/3 done, 1 failed, 0 retrying, 0 running, 1.5 tenants/s, ETA 0s" + CLEAR + System.lineSeparator());
    }

    @Test
    void aSkippedTenantThatNeverStartedLeavesTheRunningCountAlone() {
        progress.runStarted("run-1", "upgrade", 2);
        progress.tenantStarted("a", "pg1");
        progress.tenantFinished(skipped("b", "failure budget spent"));
        progress.runFinished(summary());

        assertThat(text.toString()).endsWith("\r1/2 done, 0 failed, 0 retrying, 1 running, 0.0 tenants/s, ETA --"
                + CLEAR + System.lineSeparator());
    }

    @Test
    void workersReportingAtOnceAreAllCounted() throws Exception {
        progress.runStarted("run-1", "upgrade", 4000);
        ExecutorService workers = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int worker = w;
            done.add(workers.submit(() -> {
                go.await();
                for (int i = 0; i < 500; i++) {
                    String tenant = "t" + worker + "-" + i;
                    progress.tenantStarted(tenant, "pg1");
                    progress.tenantRetrying(tenant, "pg1", 1, "lock timeout", Duration.ZERO);
                    clock.advance(Duration.ofMillis(1));
                    progress.tenantFinished(migrated(tenant, 1, "r1"));
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> future : done) {
            future.get();
        }
        workers.shutdown();
        progress.runFinished(summary());

        assertThat(text.toString()).endsWith("\r4000/4000 done, 0 failed, 0 retrying, 0 running, 1000.0 tenants/s, ETA 0s"
                + CLEAR + System.lineSeparator());
    }

    @Test
    void aLineTooLongForAnEightyColumnTerminalIsCut() {
        progress.runStarted("run-1", "upgrade", 100_000);
        for (int i = 0; i < 12_345; i++) {
            progress.tenantStarted("t" + i, "pg1");
            progress.tenantRetrying("t" + i, "pg1", 1, "lock timeout", Duration.ZERO);
        }
        clock.advance(Duration.ofSeconds(1));
        progress.tenantFinished(failed("t0", 10, 1, "boom"));

        assertThat(text.toString()).endsWith(
                "\r1/100000 done, 1 failed, 12344 retrying, 12344 running, 1.0 tenants/s, ETA 27h4" + CLEAR);
    }

    @Test
    void quietShowsNothing() {
        RunListener quiet = RunProgress.create(ProgressStyle.QUIET, new PrintWriter(text), clock);
        quiet.runStarted("run-1", "upgrade", 1);
        quiet.tenantFinished(failed("a", 10, 1, "boom"));
        quiet.runFinished(summary());

        assertThat(text.toString()).isEmpty();
    }

    @Test
    void quietWinsOverATerminalAndATerminalGetsTheLine() {
        assertThat(ProgressStyle.choose(true, true)).isEqualTo(ProgressStyle.QUIET);
        assertThat(ProgressStyle.choose(false, true)).isEqualTo(ProgressStyle.QUIET);
        assertThat(ProgressStyle.choose(true, false)).isEqualTo(ProgressStyle.LINE);
        assertThat(ProgressStyle.choose(false, false)).isEqualTo(ProgressStyle.LOG);
    }

    private static RunSummary summary() {
        return new RunSummary("run-1", "upgrade", "heads", T0, T0, List.of(), Optional.empty(), false);
    }
}
