package dev.flotilla.status;

import dev.flotilla.status.render.CsvReport;
import dev.flotilla.status.render.HtmlReport;
import dev.flotilla.status.render.JsonReport;
import dev.flotilla.status.render.PrometheusReport;
import dev.flotilla.status.render.TableReport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text from a database (an unknown revision, a driver's message) lands in every format intact and cannot
 * break out of it; empty and all-current fleets read as such.
 */
class RenderEscapingTest {

    private static final String ODD = "<b>\"q\"\\z";
    private final SkewReport report = new Fleets().at("t", ODD).unreachable("u", "no, \"really\" <i>").report();

    @Test
    void prometheusEscapesLabelValues() {
        assertThat(new PrometheusReport().render(report))
                .contains("flotilla_status_tenants_at_revision{revision=\"<b>\\\"q\\\"\\\\z\",head=\"false\",known=\"false\"} 1\n");
    }

    @Test
    void csvQuotesFieldsWithCommasAndQuotes() {
        assertThat(new CsvReport().render(report)).isEqualTo("id,server,state,behind,revisions,error\n"
                + "t,pg1,ahead,,\"<b>\"\"q\"\"\\z\",\"at <b>\"\"q\"\"\\z, which the scripts do not have (migrated by a newer release?)\"\n"
                + "u,pg1,unreachable,,,\"no, \"\"really\"\" <i>\"\n");
    }

    @Test
    void htmlShowsTheTextAndNoMarkupFromIt() {
        Document page = Jsoup.parse(new HtmlReport().render(report));
        assertThat(page.select("b, i")).isEmpty();
        assertThat(page.select("rect.bar.unknown").attr("data-revision")).isEqualTo(ODD);
        assertThat(page.select("table.tenants td.error").eachText())
                .containsExactly("at " + ODD + ", which the scripts do not have (migrated by a newer release?)",
                        "no, \"really\" <i>");
    }

    @Test
    void jsonEscapesStrings() {
        assertThat(new JsonReport().render(report)).contains("\"revisions\" : [ \"<b>\\\"q\\\"\\\\z\" ]");
    }

    @Test
    void anEmptySelectionAndAnAllCurrentFleetSaySo() {
        SkewReport empty = new Fleets().report();
        assertThat(new TableReport(false, 20).render(empty)).isEqualTo("""
                Heads: c, x
                Tenants per revision (oldest first):
                  x (head)  0
                  c (head)  0
                States: 0 current, 0 behind, 0 ahead, 0 dirty, 0 uninitialized, 0 unreachable (0 tenants)
                No tenants selected.
                """);
        assertThat(new TableReport(false, 20).render(new Fleets().at("t", "c", "x").report()))
                .endsWith("(1 tenant)\nEvery tenant is current.\n");
        assertThat(Jsoup.parse(new HtmlReport().render(new Fleets().at("t", "c", "x").report())).select("p.ok").text())
                .isEqualTo("Every tenant is at the heads.");
    }
}
