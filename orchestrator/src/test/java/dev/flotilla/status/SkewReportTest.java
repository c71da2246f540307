package dev.flotilla.status;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The counts every format prints: per state (all six, zeros included) and per revision in graph order. */
class SkewReportTest {

    private final SkewReport report = new Fleets()
            .at("both", "c", "x").at("main", "c").at("old", "a").at("base").at("later", "x", "zz9").at("other", "aa1")
            .uninitialized("none").unreachable("gone", "refused").report();

    @Test
    void everyStateIsCountedZerosIncludedInDeclarationOrder() {
        assertThat(report.byState()).containsExactly(entry(TenantState.CURRENT, 1), entry(TenantState.BEHIND, 3),
                entry(TenantState.AHEAD, 2), entry(TenantState.DIRTY, 0), entry(TenantState.UNINITIALIZED, 1),
                entry(TenantState.UNREACHABLE, 1));
    }

    @Test
    void revisionsAreCountedInGraphOrderWithBaseFirstHeadsAlwaysAndUnknownOnesLastSorted() {
        // A tenant at two heads counts under both; 'b' is held by nobody and is no head, so it is left out.
        assertThat(report.byRevision()).containsExactly(entry(SkewReport.BASE, 1), entry("a", 1), entry("x", 2),
                entry("c", 2), entry("aa1", 1), entry("zz9", 1));
        assertThat(new Fleets().at("old", "a").report().byRevision())
                .containsExactly(entry("a", 1), entry("x", 0), entry("c", 0));
    }

    @Test
    void notCurrentKeepsReportOrder() {
        assertThat(report.notCurrent()).extracting(TenantStatus::id)
                .containsExactly("main", "old", "base", "later", "other", "none", "gone");
        assertThat(report.allCurrent()).isFalse();
        assertThat(new Fleets().at("both", "c", "x").report().allCurrent()).isTrue();
    }
}
