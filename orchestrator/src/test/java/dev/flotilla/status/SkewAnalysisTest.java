package dev.flotilla.status;

import dev.flotilla.engine.migrate.HistoryEntry.Outcome;
import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.revision.RevisionGraph;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** States and steps behind, from readings and the graph {@code a → b → c}, {@code a → x} (heads c and x). */
class SkewAnalysisTest {

    private static TenantStatus only(Fleets fleet) {
        return fleet.report().tenants().get(0);
    }

    @Test
    void aTenantWithEveryHeadIsCurrent() {
        assertThat(only(new Fleets().at("t", "c", "x")))
                .isEqualTo(new TenantStatus("t", "pg1", List.of("c", "x"), TenantState.CURRENT, 0, null));
    }

    @Test
    void atOneBranchsHeadWhileAnotherBranchIsUnappliedIsBehindByThatBranchsSteps() {
        assertThat(only(new Fleets().at("t", "c"))).extracting(TenantStatus::state, TenantStatus::behind)
                .containsExactly(TenantState.BEHIND, 1);
        assertThat(only(new Fleets().at("t", "x"))).extracting(TenantStatus::state, TenantStatus::behind)
                .containsExactly(TenantState.BEHIND, 2);
    }

    @Test
    void behindCountsTheStepsUpgradeHeadsWouldRun() {
        assertThat(only(new Fleets().at("t", "a")).behind()).isEqualTo(3);
        assertThat(only(new Fleets().at("t", "b", "x")).behind()).isEqualTo(1);
    }

    @Test
    void anEmptyVersionTableIsBehindByEveryStepAndNoVersionTableIsUninitialized() {
        SkewReport report = new Fleets().at("base").uninitialized("none").report();
        assertThat(report.tenants()).extracting(TenantStatus::state, TenantStatus::behind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TenantState.BEHIND, 4),
                org.assertj.core.groups.Tuple.tuple(TenantState.UNINITIALIZED, 4));
    }

    @Test
    void aBehindTenantWhoseLastRunFailedSaysSoAndACurrentOneDoesNot() {
        SkewReport report = new Fleets()
                .lastRun("failed", Fleets.step("c", Outcome.FAILED, 1, 3, "ERROR: relation \"t\" exists"), "b", "x")
                .lastRun("applied", Fleets.step("b", Outcome.APPLIED, 2, 2, null), "b", "x")
                .lastRun("since", Fleets.step("c", Outcome.FAILED, 0, 3, "boom"), "c", "x").report();
        assertThat(report.tenants()).extracting(TenantStatus::state, TenantStatus::error).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TenantState.BEHIND, "the last run's upgrade of c failed at statement 2"
                        + " of 3 and was rolled back: ERROR: relation \"t\" exists"),
                org.assertj.core.groups.Tuple.tuple(TenantState.BEHIND, null),
                org.assertj.core.groups.Tuple.tuple(TenantState.CURRENT, null));
    }

    @Test
    void aRevisionTheScriptsLackIsAheadWithNoStepCount() {
        assertThat(only(new Fleets().at("t", "c", "zz9"))).isEqualTo(new TenantStatus("t", "pg1", List.of("c", "zz9"),
                TenantState.AHEAD, null, "at zz9, which the scripts do not have (migrated by a newer release?)"));
    }

    @Test
    void aDirtyStepNamesRevisionStatementAndErrorOnOneLine() {
        TenantStatus failed = only(new Fleets().dirty("t", Fleets.step("c", Outcome.DIRTY, 2, 5,
                "ERROR: column \"x\" exists\n  Detail: none"), "b", "x"));
        assertThat(failed).isEqualTo(new TenantStatus("t", "pg1", List.of("b", "x"), TenantState.DIRTY, 1,
                "the upgrade of c failed after statement 2 of 5: ERROR: column \"x\" exists Detail: none"));
        TenantStatus died = only(new Fleets().dirty("t", Fleets.step("c", Outcome.RUNNING, 0, 5, null), "b", "x"));
        assertThat(died.error()).isEqualTo("the upgrade of c interrupted after statement 0 of 5");
    }

    @Test
    void aDirtyTenantAtAnUnknownRevisionIsDirtyWithoutAStepCount() {
        TenantStatus tenant = only(new Fleets().dirty("t", Fleets.step("q", Outcome.DIRTY, 1, 2, "boom"), "q0"));
        assertThat(tenant).extracting(TenantStatus::state, TenantStatus::behind).containsExactly(TenantState.DIRTY, null);
    }

    @Test
    void unreachableKeepsTheErrorWithoutRepeatingTheTenant() {
        assertThat(only(new Fleets().unreachable("t", "tenant 't': cannot connect to jdbc:postgresql://db:1/app:\nrefused")))
                .isEqualTo(new TenantStatus("t", "pg1", List.of(), TenantState.UNREACHABLE, null,
                        "cannot connect to jdbc:postgresql://db:1/app: refused"));
    }

    @Test
    void versionRowsNoUpgradeCanStartFromAreReportedDirty() {
        TenantStatus tenant = only(new Fleets().at("t", "a", "c")); // a lies below c: no tool writes that
        assertThat(tenant.state()).isEqualTo(TenantState.DIRTY);
        assertThat(tenant.error()).startsWith("its version rows cannot be upgraded from: ");
    }

    @Test
    void afterAMergeBothParentsAreOneStepBehind() {
        RevisionGraph merged = RevisionGraph.of(List.of(Revision.of("a"), Revision.of("b", "a"), Revision.of("c", "b"),
                Revision.of("x", "a"), Revision.of("m", "c", "x")));
        SkewReport report = new Fleets().at("parents", "c", "x").at("merged", "m").report(merged);
        assertThat(report.heads()).containsExactly("m");
        assertThat(report.tenants()).extracting(TenantStatus::state)
                .containsExactly(TenantState.BEHIND, TenantState.CURRENT);
        assertThat(report.tenants().get(0).behind()).isEqualTo(1);
    }

    @Test
    void aTenantWithoutAReadingIsUnreachable() {
        SkewReport report = new SkewAnalysis(Fleets.TWO_HEADS).report(
                List.of(dev.flotilla.registry.Tenant.of("t", "pg1", null, "s")), java.util.Map.of(), Fleets.TIME);
        assertThat(report.tenants()).containsExactly(
                new TenantStatus("t", "pg1", List.of(), TenantState.UNREACHABLE, null, "not read"));
    }
}
