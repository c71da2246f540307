package dev.flotilla.report.run;

import dev.flotilla.run.RunSummary;
import dev.flotilla.run.TenantResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.flotilla.report.run.Results.failed;
import static dev.flotilla.report.run.Results.locked;
import static dev.flotilla.report.run.Results.migrated;
import static dev.flotilla.report.run.Results.skipped;
import static dev.flotilla.report.run.Results.unchanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunSummaryTextTest {

    private static final Instant START = Instant.parse("2026-11-26T03:00:00Z");

    @Test
    void countsOutcomesNamesFailuresGivesDurationsAndHowToResume() {
        List<TenantResult> results = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            results.add(migrated("t" + i, i * 10L, "r1"));
        }
        results.add(unchanged("same", 1));
        results.add(failed("bad1", 300, 1, "relation \"widgets\" already exists\nat statement 2"));
        results.add(failed("bad2", 400, 3, "lock timeout"));
        results.add(locked("busy", "locked by another run for 5 s"));
        results.add(skipped("down1", "server unavailable: my1"));
        results.add(skipped("down2", "server unavailable: my1"));
        results.add(skipped("late", "failure budget spent"));
        RunSummary summary = new RunSummary("20261126-030000-ab12", "upgrade", "heads", START,
                START.plusMillis(12_345), results, Optional.of("failure budget of 2 spent"), false);

        assertThat(new RunSummaryText().render(summary)).isEqualTo("""
                Run 20261126-030000-ab12: upgrade heads, 27 tenants in 12.3 s
                  migrated 20, unchanged 1, failed 2, locked 1, skipped 3
                Failed (2):
                  bad1: relation "widgets" already exists
                  bad2: lock timeout
                Locked (1):
                  busy: locked by another run for 5 s
                Skipped (3):
                  server unavailable: my1 (2)
                  failure budget spent (1)
                Tenant duration (24 ran): p50 110 ms, p95 400 ms, max 5000 ms
                Stopped early: failure budget of 2 spent
                Resume with: flotilla upgrade --resume 20261126-030000-ab12
                """);
    }

    @Test
    void aRunWhereEverythingWorkedHasNothingToResume() {
        RunSummary summary = new RunSummary("r-1", "downgrade", "-1", START, START.plusMillis(850),
                List.of(migrated("a", 30, "r1"), migrated("b", 10, "r1")), Optional.empty(), false);

        assertThat(new RunSummaryText().render(summary)).isEqualTo("""
                Run r-1: downgrade -1, 2 tenants in 850 ms
                  migrated 2
                Tenant duration (2 ran): p50 10 ms, p95 30 ms, max 30 ms
                """);
    }

    @Test
    void anUndoThatLeftTenantsBehindIsRunAgainAndOtherDowngradesHaveNoResume() {
        List<TenantResult> results = List.of(migrated("a", 30, "r1"), failed("b", 10, 1, "moved since"));
        RunSummary undo = new RunSummary("r-3", "downgrade", "--undo r-1", START, START.plusMillis(40), results,
                Optional.empty(), false);
        RunSummary downgrade = new RunSummary("r-4", "downgrade", "-1", START, START.plusMillis(40), results,
                Optional.empty(), false);

        assertThat(new RunSummaryText().render(undo)).endsWith("Undo the rest with: flotilla downgrade --undo r-1\n");
        assertThat(new RunSummaryText().render(downgrade)).doesNotContain("--resume")
                .endsWith("Tenant duration (2 ran): p50 10 ms, p95 30 ms, max 30 ms\n");
    }

    @Test
    void longListsAreCutWithHowManyMore() {
        List<TenantResult> results = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            results.add(failed("bad" + i, 10, 1, "error " + i));
        }
        RunSummary summary = new RunSummary("r-2", "upgrade", "heads", START, START.plus(Duration.ofSeconds(75)),
                results, Optional.empty(), true);

        assertThat(new RunSummaryText(2).render(summary)).isEqualTo("""
                Run r-2: upgrade heads, 5 tenants in 1m15s
                  failed 5
                Failed (5):
                  bad1: error 1
                  bad2: error 2
                  … and 3 more
                Tenant duration (5 ran): p50 10 ms, p95 10 ms, max 10 ms
                Interrupted: in-flight tenants finished or rolled back, the rest were not started
                Resume with: flotilla upgrade --resume r-2
                """);
    }

    @Test
    void anEmptySelectionSaysSo() {
        RunSummary summary = new RunSummary("r-3", "upgrade", "heads", START, START, List.of(), Optional.empty(), false);

        assertThat(new RunSummaryText().render(summary)).isEqualTo("""
                Run r-3: upgrade heads, 0 tenants in 0 ms
                  no tenants selected
                """);
    }

    @Test
    void listingNoTenantIsRejected() {
        assertThatThrownBy(() -> new RunSummaryText(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("listed must be at least 1, found 0");
    }
}
