package dev.flotilla.status.render;

import dev.flotilla.status.SkewReport;

import java.util.Locale;
import java.util.Map;

/**
 * The HTML page's bar chart as inline SVG: one horizontal bar per revision, oldest at the top, each as long
 * as its share of the largest count. Every bar carries {@code data-revision} and {@code data-count} so a
 * test (or a person's script) can read the chart back.
 */
final class RevisionChart {

    static final int WIDTH = 960;
    static final int LABEL_WIDTH = 250;
    static final int BAR_AREA = 620;
    private static final int ROW = 30;
    private static final int BAR_HEIGHT = 20;
    private static final int TOP = 8;

    private RevisionChart() {
    }

    /** The bar's length for {@code count} tenants when the largest count is {@code max}. */
    static double barLength(int count, int max) {
        return max == 0 ? 0 : (double) count * BAR_AREA / max;
    }

    static String svg(SkewReport report) {
        Map<String, Integer> counts = report.byRevision();
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int height = TOP * 2 + ROW * counts.size();
        StringBuilder out = new StringBuilder();
        out.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"Tenants per revision, oldest first\">\n");
        int row = 0;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            bar(out, report, entry.getKey(), entry.getValue(), max, TOP + row++ * ROW);
        }
        return out.append("</svg>\n").toString();
    }

    private static void bar(StringBuilder out, SkewReport report, String revision, int count, int max, int y) {
        String kind = report.heads().contains(revision) ? "head"
                : revision.equals(SkewReport.BASE) || report.isKnown(revision) ? "older" : "unknown";
        double length = barLength(count, max);
        int middle = y + BAR_HEIGHT / 2 + 5;
        out.append("  <text class=\"label\" x=\"").append(LABEL_WIDTH - 12).append("\" y=\"").append(middle)
                .append("\" text-anchor=\"end\">").append(Html.escape(Cells.revisionLabel(report, revision)))
                .append("</text>\n");
        out.append("  <rect class=\"bar ").append(kind).append("\" data-revision=\"").append(Html.escape(revision))
                .append("\" data-count=\"").append(count).append("\" x=\"").append(LABEL_WIDTH).append("\" y=\"")
                .append(y).append("\" width=\"").append(format(length)).append("\" height=\"").append(BAR_HEIGHT)
                .append("\" rx=\"3\"><title>").append(Html.escape(revision)).append(": ").append(count)
                .append(count == 1 ? " tenant" : " tenants").append("</title></rect>\n");
        out.append("  <text class=\"count\" x=\"").append(format(LABEL_WIDTH + length + 8)).append("\" y=\"")
                .append(middle).append("\">").append(count).append("</text>\n");
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
