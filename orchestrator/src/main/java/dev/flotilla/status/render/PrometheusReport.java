package dev.flotilla.status.render;

import dev.flotilla.status.SkewReport;

import java.util.Locale;

/**
 * Gauges in the Prometheus text exposition format (0.0.4), for node_exporter's textfile collector: tenants
 * per state (every state, zeros included, so an alert on {@code state="dirty"} always has a series),
 * tenants per revision, and when the report was made. Write it to a temporary file and rename it into the
 * collector's folder, so the collector never reads half a file.
 */
public final class PrometheusReport implements ReportRenderer {

    static final String BY_STATE = "flotilla_status_tenants";
    static final String BY_REVISION = "flotilla_status_tenants_at_revision";
    static final String TIMESTAMP = "flotilla_status_report_timestamp_seconds";

    @Override
    public String render(SkewReport report) {
        StringBuilder out = new StringBuilder();
        header(out, BY_STATE, "Tenants per state in the last flotilla status report.");
        report.byState().forEach((state, count) ->
                out.append(BY_STATE).append("{state=\"").append(state.label()).append("\"} ").append(count).append('\n'));
        header(out, BY_REVISION, "Tenants per revision in the last flotilla status report (a tenant at several"
                + " heads counts under each; <base> is an empty version table).");
        report.byRevision().forEach((revision, count) -> out.append(BY_REVISION)
                .append("{revision=\"").append(label(revision)).append("\",head=\"")
                .append(report.heads().contains(revision)).append("\",known=\"")
                .append(report.isKnown(revision) || revision.equals(SkewReport.BASE)).append("\"} ")
                .append(count).append('\n'));
        header(out, TIMESTAMP, "When the last flotilla status report read the tenants, in seconds since the epoch.");
        out.append(TIMESTAMP).append(' ')
                .append(String.format(Locale.ROOT, "%.3f", report.time().toEpochMilli() / 1000.0)).append('\n');
        return out.toString();
    }

    private static void header(StringBuilder out, String name, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" gauge\n");
    }

    /** A label value as the exposition format escapes it: backslash, double quote and line feed. */
    private static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
