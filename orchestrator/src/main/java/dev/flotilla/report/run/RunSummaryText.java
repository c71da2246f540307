package dev.flotilla.report.run;

import dev.flotilla.run.Outcome;
import dev.flotilla.run.RunSummary;
import dev.flotilla.run.TenantResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The text a fleet run prints when it ends:
 * <pre>
 * Run 20261126-032633-7f3a: upgrade heads, 1000 tenants in 12.3 s
 *   migrated 990, unchanged 3, failed 5, skipped 2
 * Failed (5):
 *   acme: relation "widgets" already exists
 *   … and 4 more
 * Skipped (2):
 *   server unavailable: pg2 (2)
 * Tenant duration (995 ran): p50 12 ms, p95 40 ms, max 120 ms
 * Stopped early: failure budget of 5 reached
 * Resume with: flotilla upgrade --resume 20261126-032633-7f3a
 * </pre>
 * Lines with nothing to say are left out. Stateless and thread-safe.
 */
public final class RunSummaryText {

    /** How many failed or locked tenants the summary names before "… and N more"; the report has them all. */
    public static final int LISTED = 10;

    private final int listed;

    public RunSummaryText() {
        this(LISTED);
    }

    /** @param listed how many tenants to name per list, at least 1 */
    public RunSummaryText(int listed) {
        if (listed < 1) {
            throw new IllegalArgumentException("listed must be at least 1, found " + listed);
        }
        this.listed = listed;
    }

    /** The summary, every line ending with a line break. */
    public String render(RunSummary summary) {
        List<String> lines = new ArrayList<>();
        lines.add("Run " + summary.runId() + ": " + summary.command() + " " + summary.target() + ", "
                + plural(summary.results().size(), "tenant") + " in " + Durations.elapsed(summary.elapsed()));
        lines.add("  " + counts(summary));
        named(lines, "Failed", summary, Outcome.FAILED);
        named(lines, "Locked", summary, Outcome.LOCKED);
        skipped(lines, summary);
        durations(lines, DurationStats.of(summary.results()));
        summary.stopReason().ifPresent(reason -> lines.add("Stopped early: " + reason));
        if (summary.interrupted()) {
            lines.add("Interrupted: in-flight tenants finished or rolled back, the rest were not started");
        }
        if (needsResume(summary)) {
            again(summary).ifPresent(lines::add);
        }
        return lines.stream().map(line -> line + "\n").collect(Collectors.joining());
    }

    private static String counts(RunSummary summary) {
        List<String> counts = new ArrayList<>();
        for (Outcome outcome : Outcome.values()) {
            long count = summary.count(outcome);
            if (count > 0) {
                counts.add(outcome.label() + " " + count);
            }
        }
        return counts.isEmpty() ? "no tenants selected" : String.join(", ", counts);
    }

    private void named(List<String> lines, String title, RunSummary summary, Outcome outcome) {
        List<TenantResult> matching = summary.results().stream().filter(r -> r.outcome() == outcome).toList();
        if (matching.isEmpty()) {
            return;
        }
        lines.add(title + " (" + matching.size() + "):");
        matching.stream().limit(listed).forEach(r -> lines.add("  " + r.tenant() + ": " + r.firstErrorLine()));
        more(lines, matching.size() - listed);
    }

    /** Skipped tenants come in crowds with one reason (a server down, the budget spent): count them by reason. */
    private void skipped(List<String> lines, RunSummary summary) {
        Map<String, Long> byReason = summary.results().stream()
                .filter(r -> r.outcome() == Outcome.SKIPPED)
                .collect(Collectors.groupingBy(TenantResult::firstErrorLine, LinkedHashMap::new, Collectors.counting()));
        if (byReason.isEmpty()) {
            return;
        }
        lines.add("Skipped (" + summary.count(Outcome.SKIPPED) + "):");
        byReason.entrySet().stream().limit(listed)
                .forEach(entry -> lines.add("  " + entry.getKey() + " (" + entry.getValue() + ")"));
        more(lines, byReason.size() - listed);
    }

    private static void more(List<String> lines, int more) {
        if (more > 0) {
            lines.add("  … and " + more + " more");
        }
    }

    private static void durations(List<String> lines, DurationStats stats) {
        if (stats.count() > 0) {
            lines.add("Tenant duration (" + stats.count() + " ran): p50 " + stats.p50().toMillis() + " ms, p95 "
                    + stats.p95().toMillis() + " ms, max " + stats.max().toMillis() + " ms");
        }
    }

    /**
     * How to finish the run: only {@code upgrade} has {@code --resume}; an undo is finished by running it
     * again (tenants already back are left as they are).
     */
    private static Optional<String> again(RunSummary summary) {
        if (summary.command().equals("upgrade")) {
            return Optional.of("Resume with: flotilla upgrade --resume " + summary.runId());
        }
        if (summary.command().equals("downgrade") && summary.target().startsWith("--undo ")) {
            return Optional.of("Undo the rest with: flotilla downgrade " + summary.target());
        }
        return Optional.empty();
    }

    private static boolean needsResume(RunSummary summary) {
        return summary.results().stream().map(TenantResult::outcome)
                .anyMatch(o -> o == Outcome.FAILED || o == Outcome.LOCKED || o == Outcome.SKIPPED);
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
