package dev.flotilla.cli;

import dev.flotilla.run.Outcome;
import dev.flotilla.run.RunSummary;
import dev.flotilla.run.TenantResult;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a dry run's plan: a line of counts, then one group per distinct move (from -> to and its steps)
 * with the tenants that share it, then tenants that cannot run with their reason. Stateless.
 */
final class DryRunPlan {

    /** Tenant ids listed per group before "and N more". */
    private static final int SHOWN = 10;

    private DryRunPlan() {
    }

    static void print(RunSummary summary, PrintWriter out) {
        out.println("Plan for " + summary.command() + " " + summary.target() + " over " + summary.results().size()
                + " tenant(s): " + summary.count(Outcome.PLANNED) + " to change, " + summary.count(Outcome.UNCHANGED)
                + " already there, " + (summary.count(Outcome.FAILED) + summary.count(Outcome.SKIPPED)) + " cannot run.");
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (TenantResult result : summary.results()) {
            if (result.outcome() == Outcome.PLANNED) {
                groups.computeIfAbsent(move(result), key -> new ArrayList<>()).add(result.tenant());
            }
        }
        groups.forEach((move, tenants) -> out.println("  " + move + ": " + tenants.size() + " tenant(s): " + list(tenants)));
        for (TenantResult result : summary.results()) {
            if (result.outcome() == Outcome.FAILED || result.outcome() == Outcome.SKIPPED) {
                out.println("  " + result.tenant() + ": cannot run: " + result.firstErrorLine());
            }
        }
        out.flush();
    }

    private static String move(TenantResult result) {
        String steps = result.steps().isEmpty() ? "no steps" : result.steps().size()
                + (result.steps().size() == 1 ? " step: " : " steps: ") + String.join(", ", result.steps());
        return ProgressPrinter.revisions(result.from()) + " -> " + ProgressPrinter.revisions(result.to()) + " (" + steps + ")";
    }

    private static String list(List<String> tenants) {
        if (tenants.size() <= SHOWN) {
            return String.join(", ", tenants);
        }
        return String.join(", ", tenants.subList(0, SHOWN)) + " and " + (tenants.size() - SHOWN) + " more";
    }
}
