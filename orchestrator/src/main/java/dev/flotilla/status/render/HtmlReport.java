package dev.flotilla.status.render;

import dev.flotilla.status.SkewReport;
import dev.flotilla.status.TenantState;
import dev.flotilla.status.TenantStatus;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The report as one self-contained HTML page (inline CSS and SVG, no scripts, fonts or images from
 * elsewhere), to attach to a release ticket or publish from cron: when it was made, the count per state,
 * a bar chart of tenants per revision in graph order, and the tenants that are not current with their
 * errors (at most {@link #ROW_LIMIT}).
 */
public final class HtmlReport implements ReportRenderer {

    /** Rows of the non-current table; a page for 10,000 broken tenants must still open. */
    public static final int ROW_LIMIT = 1000;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final String STYLE = """
            :root { color-scheme: light; --ink: #1f2933; --muted: #616e7c; --line: #e4e7eb; }
            * { box-sizing: border-box; }
            body { margin: 0; background: #f5f7fa; color: var(--ink);
                   font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
            main { max-width: 1040px; margin: 0 auto; padding: 32px 24px 48px; }
            h1 { font-size: 26px; margin: 0 0 4px; }
            h2 { font-size: 17px; margin: 0 0 14px; }
            .meta { color: var(--muted); margin: 0 0 24px; }
            .meta code { color: var(--ink); }
            code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 13px; }
            section { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 20px 22px; margin-bottom: 20px; }
            .states { display: grid; grid-template-columns: repeat(6, 1fr); gap: 12px; }
            .state { border-radius: 8px; padding: 12px 14px; background: #f8f9fb; border-left: 5px solid #cbd2d9; }
            .state .n { display: block; font-size: 26px; font-weight: 650; }
            .state .l { color: var(--muted); font-size: 13px; }
            .state.zero .n { color: #9aa5b1; }
            .current { border-color: #3f9142; } .behind { border-color: #e6a23c; } .ahead { border-color: #3b82c4; }
            .dirty { border-color: #d64545; } .uninitialized { border-color: #9aa5b1; } .unreachable { border-color: #7b4fb8; }
            .chart { max-width: 100%; height: auto; display: block; }
            .chart .label { font: 13px ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; fill: var(--ink); }
            .chart .count { font: 600 13px system-ui, sans-serif; fill: var(--ink); }
            .chart .bar.head { fill: #3f9142; } .chart .bar.older { fill: #e6a23c; } .chart .bar.unknown { fill: #3b82c4; }
            .legend { color: var(--muted); font-size: 13px; margin: 10px 0 0; }
            .legend span { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin: 0 5px 0 14px; }
            .legend span:first-child { margin-left: 0; }
            .legend em { font-style: normal; margin-left: 14px; }
            table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; padding: 8px 10px; border-bottom: 1px solid var(--line); vertical-align: baseline; }
            td { font-size: 14px; }
            th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); font-weight: 600; }
            tr:last-child td { border-bottom: none; }
            td.error { color: #52606d; font-size: 13px; max-width: 440px; overflow-wrap: anywhere; }
            td.num { text-align: right; }
            td.mono { white-space: nowrap; }
            .badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600;
                     border: 1px solid; background: #fff; }
            .badge.behind { color: #a86a12; } .badge.ahead { color: #2667a3; } .badge.dirty { color: #b23333; }
            .badge.uninitialized { color: #616e7c; } .badge.unreachable { color: #6a3fa6; } .badge.current { color: #2f6f31; }
            .ok { color: #2f6f31; font-weight: 600; margin: 0; }
            .more { color: var(--muted); margin: 12px 0 0; }
            footer { color: var(--muted); font-size: 13px; text-align: center; }
            """;

    @Override
    public String render(SkewReport report) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Flotilla status: ").append(report.tenants().size()).append(" tenants, ")
                .append(report.notCurrent().size()).append(" not current</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n<main>\n");
        heading(out, report);
        states(out, report);
        chart(out, report);
        notCurrent(out, report);
        out.append("<footer>Made by <code>flotilla status --html</code> at <time datetime=\"")
                .append(report.time()).append("\">").append(TIME.format(report.time())).append("</time></footer>\n");
        return out.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void heading(StringBuilder out, SkewReport report) {
        out.append("<h1>Fleet status</h1>\n<p class=\"meta\">").append(report.tenants().size())
                .append(report.tenants().size() == 1 ? " tenant" : " tenants").append(" read at <time class=\"report-time\" datetime=\"")
                .append(report.time()).append("\">").append(TIME.format(report.time())).append("</time> · ")
                .append(report.heads().size() == 1 ? "head " : "heads ");
        List<String> heads = report.heads().stream().map(h -> "<code>" + Html.escape(h) + "</code>").toList();
        out.append(heads.isEmpty() ? "none" : String.join(", ", heads)).append("</p>\n");
    }

    private static void states(StringBuilder out, SkewReport report) {
        out.append("<section>\n<h2>States</h2>\n<div class=\"states\">\n");
        report.byState().forEach((state, count) -> out.append("  <div class=\"state ").append(state.label())
                .append(count == 0 ? " zero" : "").append("\" data-state=\"").append(state.label()).append("\" data-count=\"")
                .append(count).append("\"><span class=\"n\">").append(count).append("</span><span class=\"l\">")
                .append(state.label()).append("</span></div>\n"));
        out.append("</div>\n</section>\n");
    }

    private static void chart(StringBuilder out, SkewReport report) {
        out.append("<section>\n<h2>Tenants per revision <small class=\"legend\">oldest first</small></h2>\n");
        if (report.byRevision().isEmpty()) {
            out.append("<p class=\"more\">No tenant has a version table that could be read.</p>\n</section>\n");
            return;
        }
        out.append(RevisionChart.svg(report));
        out.append("<p class=\"legend\"><span style=\"background:#3f9142\"></span>head"
                + "<span style=\"background:#e6a23c\"></span>older revision"
                + "<span style=\"background:#3b82c4\"></span>unknown to these scripts");
        int outside = report.byState().get(TenantState.UNINITIALIZED) + report.byState().get(TenantState.UNREACHABLE);
        if (outside > 0) {
            out.append("<em>· ").append(outside).append(outside == 1 ? " tenant" : " tenants")
                    .append(" without a version table or not read: not charted</em>");
        }
        out.append("</p>\n</section>\n");
    }

    private static void notCurrent(StringBuilder out, SkewReport report) {
        List<TenantStatus> listed = report.notCurrent();
        out.append("<section>\n<h2>Not current (").append(listed.size()).append(")</h2>\n");
        if (listed.isEmpty()) {
            out.append("<p class=\"ok\">Every tenant is at the heads.</p>\n</section>\n");
            return;
        }
        out.append("<table class=\"tenants\">\n<thead><tr><th>Tenant</th><th>Server</th><th>State</th>"
                + "<th class=\"num\">Behind</th><th>Revisions</th><th>Error</th></tr></thead>\n<tbody>\n");
        listed.stream().limit(ROW_LIMIT).forEach(tenant -> row(out, tenant));
        out.append("</tbody>\n</table>\n");
        if (listed.size() > ROW_LIMIT) {
            out.append("<p class=\"more\">… and ").append(listed.size() - ROW_LIMIT)
                    .append(" more: <code>flotilla status --format csv</code> lists every tenant.</p>\n");
        }
        out.append("</section>\n");
    }

    private static void row(StringBuilder out, TenantStatus tenant) {
        TenantState state = tenant.state();
        out.append("<tr data-state=\"").append(state.label()).append("\"><td class=\"mono\">").append(Html.escape(tenant.id()))
                .append("</td><td>").append(Html.escape(tenant.server())).append("</td><td><span class=\"badge ")
                .append(state.label()).append("\">").append(state.label()).append("</span></td><td class=\"num\">")
                .append(Cells.behind(tenant)).append("</td><td class=\"mono\">")
                .append(Html.escape(Cells.revisions(tenant, ", "))).append("</td><td class=\"error\">")
                .append(Html.escape(Cells.error(tenant))).append("</td></tr>\n");
    }
}
