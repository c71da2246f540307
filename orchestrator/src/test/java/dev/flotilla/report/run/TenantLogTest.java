package dev.flotilla.report.run;

import dev.flotilla.run.Outcome;
import dev.flotilla.run.RunListener;
import dev.flotilla.run.TenantResult;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static dev.flotilla.report.run.Results.failed;
import static dev.flotilla.report.run.Results.migrated;
import static dev.flotilla.report.run.Results.skipped;
import static dev.flotilla.report.run.Results.unchanged;
import static org.assertj.core.api.Assertions.assertThat;

class TenantLogTest {

    private final StringWriter text = new StringWriter();
    private final RunListener log = RunProgress.create(ProgressStyle.LOG, new PrintWriter(text), Clock.systemUTC());

    @Test
    void printsOneLinePerFinishedTenantWithItsMoveStepsAndTime() {
        log.runStarted("run-1", "upgrade", 3);
        log.tenantStarted("acme", "pg1");
        log.stepFinished("acme", "pg1", "r1", Duration.ofMillis(5));
        log.tenantFinished(migrated("acme", 41, "r1", "r2", "r3"));
        log.tenantFinished(migrated("globex", 7, "r1"));
        log.tenantFinished(unchanged("initech", 2));

        assertThat(text.toString().lines()).containsExactly(
                "acme: migrated <base> -> r3 (3 steps, 41 ms)",
                "globex: migrated <base> -> r1 (1 step, 7 ms)",
                "initech: unchanged r2 -> r2 (0 steps, 2 ms)");
    }

    @Test
    void aFailureShowsItsAttemptsAndTheFirstLineOfItsError() {
        log.tenantFinished(failed("acme", 1200, 3, "relation \"widgets\" already exists\n  at statement 2 of r2"));
        log.tenantFinished(skipped("globex", "server unavailable: my1\ncircuit open"));

        assertThat(text.toString().lines()).containsExactly(
                "acme: failed r1 -> r1 (0 steps, 1200 ms, 3 attempts): relation \"widgets\" already exists",
                "globex: skipped r1 -> r1 (0 steps, 0 ms): server unavailable: my1");
    }

    @Test
    void aTenantThatMovedSeveralHeadsListsThemAll() {
        log.tenantFinished(new TenantResult("acme", "pg1", List.of("a1", "b1"), List.of("m1"), List.of("m1"), 2,
                Duration.ofMillis(9), Outcome.MIGRATED, null));

        assertThat(text.toString()).isEqualTo("acme: migrated a1, b1 -> m1 (1 step, 9 ms, 2 attempts)" + System.lineSeparator());
    }
}
