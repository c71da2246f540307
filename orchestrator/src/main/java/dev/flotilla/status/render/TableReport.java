package dev.flotilla.status.render;

import dev.flotilla.status.SkewReport;
import dev.flotilla.status.TenantStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report for a person at a terminal, compact first: the heads, a text histogram of tenants per revision
 * in graph order, the count per state, then the tenants that are not current, at most {@code limit} of
 * them. Listing every tenant is asked for with {@code all} ({@code -v}).
 */
public final class TableReport implements ReportRenderer {

    /** How many non-current tenants the table lists before "… and N more". */
    public static final int DEFAULT_LIMIT = 20;
    private static final int BAR_WIDTH = 40;

    private final boolean all;
    private final int limit;

    public TableReport(boolean all, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, found " + limit);
        }
        this.all = all;
        this.limit = limit;
    }

    @Override
    public String render(SkewReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Heads: ").append(report.heads().isEmpty() ? "(none: no revisions)" : String.join(", ", report.heads()))
                .append('\n');
        histogram(out, report);
        out.append("States: ").append(states(report)).append('\n');
        tenants(out, report);
        return out.toString();
    }

    private static void histogram(StringBuilder out, SkewReport report) {
        Map<String, Integer> counts = report.byRevision();
        if (counts.isEmpty()) {
            return;
        }
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<List<String>> rows = new ArrayList<>();
        counts.forEach((revision, count) -> rows.add(List.of(Cells.revisionLabel(report, revision),
                String.format("%" + String.valueOf(max).length() + "d", count), bar(count, max))));
        out.append("Tenants per revision (oldest first):\n");
        TextTable.append(out, "  ", rows);
    }

    /** A bar of up to {@link #BAR_WIDTH} characters; any tenant at all shows at least one. */
    private static String bar(int count, int max) {
        if (count == 0) {
            return "";
        }
        return "#".repeat(Math.max(1, Math.round((float) count * BAR_WIDTH / max)));
    }

    private static String states(SkewReport report) {
        List<String> parts = new ArrayList<>();
        report.byState().forEach((state, count) -> parts.add(count + " " + state.label()));
        int total = report.tenants().size();
        return String.join(", ", parts) + " (" + total + (total == 1 ? " tenant)" : " tenants)");
    }

    private void tenants(StringBuilder out, SkewReport report) {
        List<TenantStatus> listed = all ? report.tenants() : report.notCurrent();
        if (listed.isEmpty()) {
            out.append(report.tenants().isEmpty() ? "No tenants selected.\n" : "Every tenant is current.\n");
            return;
        }
        int shown = all ? listed.size() : Math.min(limit, listed.size());
        out.append(all ? "Tenants:\n" : "Not current:\n");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("TENANT", "SERVER", "STATE", "BEHIND", "REVISIONS", "ERROR"));
        for (TenantStatus tenant : listed.subList(0, shown)) {
            rows.add(List.of(tenant.id(), tenant.server(), tenant.state().label(), Cells.behind(tenant),
                    Cells.revisions(tenant, ","), Cells.error(tenant)));
        }
        TextTable.append(out, "  ", rows);
        if (shown < listed.size()) {
            out.append("  … and ").append(listed.size() - shown).append(" more (-v lists every tenant)\n");
        }
    }
}
