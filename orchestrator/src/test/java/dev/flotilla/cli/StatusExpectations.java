package dev.flotilla.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.status.SkewReport;
import dev.flotilla.status.TenantState;
import dev.flotilla.status.TenantStatus;
import dev.flotilla.status.render.CsvReport;
import dev.flotilla.status.render.HtmlReport;
import dev.flotilla.status.render.JsonReport;
import dev.flotilla.status.render.PrometheusReport;
import dev.flotilla.status.render.TableReport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.flotilla.cli.SampleProject.R1;
import static dev.flotilla.cli.SampleProject.R3;
import static dev.flotilla.cli.StatusFleet.AUDIT;
import static dev.flotilla.cli.StatusFleet.BILLING;
import static dev.flotilla.cli.StatusFleet.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** What {@link StatusFleet}'s report must say, in every format, on every database. */
final class StatusExpectations {

    static final String AHEAD_ERROR = "at " + UNKNOWN + ", which the scripts do not have (migrated by a newer release?)";
    static final String DIRTY_START = "the upgrade of " + AUDIT + " failed after statement 1 of 2: ";

    private final SkewReport report;
    private final String dirtyError;
    private final String unreachableError;

    /** Checks the states, counts and the two errors that depend on the database, then keeps them for the formats. */
    StatusExpectations(SkewReport report, String dirtyErrorHas, String unreachableErrorStart) {
        this.report = report;
        List<TenantStatus> t = report.tenants();
        assertThat(t).extracting(TenantStatus::id)
                .containsExactly("cur", "onebranch", "old", "empty", "future", "broken", "fresh", "gone");
        assertThat(t).extracting(TenantStatus::state).containsExactly(TenantState.CURRENT, TenantState.BEHIND,
                TenantState.BEHIND, TenantState.BEHIND, TenantState.AHEAD, TenantState.DIRTY,
                TenantState.UNINITIALIZED, TenantState.UNREACHABLE);
        assertThat(t).extracting(TenantStatus::behind).containsExactly(0, 1, 4, 5, null, 2, 5, null);
        this.dirtyError = t.get(5).error();
        this.unreachableError = t.get(7).error();
        assertThat(dirtyError).startsWith(DIRTY_START).contains(dirtyErrorHas);
        assertThat(unreachableError).startsWith(unreachableErrorStart).doesNotContain("tenant 'gone'");
        assertThat(report.heads()).containsExactly(BILLING, AUDIT);
    }

    void assertEveryFormat() throws Exception {
        assertTable();
        assertJson();
        assertCsv();
        assertPrometheus();
        assertHtml();
    }

    void assertTable() {
        assertThat(new TableReport(false, 20).render(report)).isEqualTo("""
                Heads: b1b1b1b1b1b1, d4d4d4d4d4d4
                Tenants per revision (oldest first):
                  <base>                  1  ####################
                  1f0c2a7b9d31            1  ####################
                  c3d9e5f1a084            1  ####################
                  d4d4d4d4d4d4 (head)     2  ########################################
                  b1b1b1b1b1b1 (head)     2  ########################################
                  eeeeeeeeeeee (unknown)  1  ####################
                States: 1 current, 3 behind, 1 ahead, 1 dirty, 1 uninitialized, 1 unreachable (8 tenants)
                Not current:
                  TENANT     SERVER  STATE          BEHIND  REVISIONS                  ERROR
                  onebranch  main    behind         1       d4d4d4d4d4d4
                  old        main    behind         4       1f0c2a7b9d31
                  empty      main    behind         5       <base>
                  future     main    ahead                  b1b1b1b1b1b1,eeeeeeeeeeee  %s
                  broken     main    dirty          2       c3d9e5f1a084               %s
                  fresh      main    uninitialized  5
                  gone       lost    unreachable                                       %s
                """.formatted(AHEAD_ERROR, dirtyError, unreachableError));
        assertThat(new TableReport(false, 3).render(report)).endsWith("""
                Not current:
                  TENANT     SERVER  STATE   BEHIND  REVISIONS     ERROR
                  onebranch  main    behind  1       d4d4d4d4d4d4
                  old        main    behind  4       1f0c2a7b9d31
                  empty      main    behind  5       <base>
                  … and 4 more (-v lists every tenant)
                """);
        assertThat(new TableReport(true, 3).render(report)).contains("""
                Tenants:
                  TENANT     SERVER  STATE          BEHIND  REVISIONS                  ERROR
                  cur        main    current        0       b1b1b1b1b1b1,d4d4d4d4d4d4
                  onebranch  main    behind         1       d4d4d4d4d4d4
                """).contains("  gone       lost    unreachable ").doesNotContain("more");
    }

    void assertJson() throws Exception {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("heads", List.of(BILLING, AUDIT));
        expected.put("summary", Map.of("total", 8,
                "byState", ordered("current", 1, "behind", 3, "ahead", 1, "dirty", 1, "uninitialized", 1, "unreachable", 1),
                "byRevision", ordered("<base>", 1, R1, 1, R3, 1, AUDIT, 2, BILLING, 2, UNKNOWN, 1)));
        expected.put("tenants", List.of(
                tenant("cur", "main", List.of(BILLING, AUDIT), "current", 0, null),
                tenant("onebranch", "main", List.of(AUDIT), "behind", 1, null),
                tenant("old", "main", List.of(R1), "behind", 4, null),
                tenant("empty", "main", List.of(), "behind", 5, null),
                tenant("future", "main", List.of(BILLING, UNKNOWN), "ahead", null, AHEAD_ERROR),
                tenant("broken", "main", List.of(R3), "dirty", 2, dirtyError),
                tenant("fresh", "main", List.of(), "uninitialized", 5, null),
                tenant("gone", "lost", List.of(), "unreachable", null, unreachableError)));
        String json = new JsonReport().render(report);
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = new ObjectMapper().readValue(json, LinkedHashMap.class);
        assertThat(parsed).isEqualTo(expected);
        assertThat(List.copyOf(parsed.keySet())).containsExactly("heads", "summary", "tenants");
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) parsed.get("summary");
        @SuppressWarnings("unchecked")
        List<String> revisions = List.copyOf(((Map<String, Object>) summary.get("byRevision")).keySet());
        assertThat(revisions)
                .containsExactly("<base>", R1, R3, AUDIT, BILLING, UNKNOWN); // graph order, not sorted
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) parsed.get("tenants")).get(0);
        assertThat(List.copyOf(first.keySet())).containsExactly("id", "server", "revisions", "state", "behind", "error");
    }

    void assertCsv() {
        assertThat(new CsvReport().render(report)).isEqualTo("""
                id,server,state,behind,revisions,error
                cur,main,current,0,b1b1b1b1b1b1;d4d4d4d4d4d4,
                onebranch,main,behind,1,d4d4d4d4d4d4,
                old,main,behind,4,1f0c2a7b9d31,
                empty,main,behind,5,<base>,
                future,main,ahead,,b1b1b1b1b1b1;eeeeeeeeeeee,"%s"
                broken,main,dirty,2,c3d9e5f1a084,%s
                fresh,main,uninitialized,5,,
                gone,lost,unreachable,,,%s
                """.formatted(AHEAD_ERROR, csv(dirtyError), csv(unreachableError)));
    }

    void assertPrometheus() {
        assertThat(new PrometheusReport().render(report)).isEqualTo("""
                # HELP flotilla_status_tenants Tenants per state in the last flotilla status report.
                # TYPE flotilla_status_tenants gauge
                flotilla_status_tenants{state="current"} 1
                flotilla_status_tenants{state="behind"} 3
                flotilla_status_tenants{state="ahead"} 1
                flotilla_status_tenants{state="dirty"} 1
                flotilla_status_tenants{state="uninitialized"} 1
                flotilla_status_tenants{state="unreachable"} 1
                # HELP flotilla_status_tenants_at_revision Tenants per revision in the last flotilla status report\
                 (a tenant at several heads counts under each; <base> is an empty version table).
                # TYPE flotilla_status_tenants_at_revision gauge
                flotilla_status_tenants_at_revision{revision="<base>",head="false",known="true"} 1
                flotilla_status_tenants_at_revision{revision="1f0c2a7b9d31",head="false",known="true"} 1
                flotilla_status_tenants_at_revision{revision="c3d9e5f1a084",head="false",known="true"} 1
                flotilla_status_tenants_at_revision{revision="d4d4d4d4d4d4",head="true",known="true"} 2
                flotilla_status_tenants_at_revision{revision="b1b1b1b1b1b1",head="true",known="true"} 2
                flotilla_status_tenants_at_revision{revision="eeeeeeeeeeee",head="false",known="false"} 1
                # HELP flotilla_status_report_timestamp_seconds When the last flotilla status report read the\
                 tenants, in seconds since the epoch.
                # TYPE flotilla_status_report_timestamp_seconds gauge
                flotilla_status_report_timestamp_seconds 1714558272.345
                """);
    }

    /** The page parsed as a browser parses it: each bar's count and length, the state counts, the table. */
    void assertHtml() {
        Document page = Jsoup.parse(new HtmlReport().render(report));
        assertThat(page.select("link, script, img, [src], [href]")).isEmpty(); // self-contained
        Map<String, String> bars = new LinkedHashMap<>();
        for (Element bar : page.select("svg.chart rect.bar")) {
            bars.put(bar.attr("data-revision"), bar.attr("data-count"));
            double expectedLength = 620.0 * Integer.parseInt(bar.attr("data-count")) / 2;
            assertThat(Double.parseDouble(bar.attr("width"))).as(bar.attr("data-revision")).isEqualTo(expectedLength);
        }
        assertThat(bars).containsExactly(entry("<base>", "1"), entry(R1, "1"), entry(R3, "1"), entry(AUDIT, "2"),
                entry(BILLING, "2"), entry(UNKNOWN, "1"));
        assertThat(page.select("svg.chart rect.bar.head")).extracting(e -> e.attr("data-revision"))
                .containsExactly(AUDIT, BILLING);
        assertThat(page.select("svg.chart rect.bar.unknown")).extracting(e -> e.attr("data-revision"))
                .containsExactly(UNKNOWN);
        Map<String, String> states = new LinkedHashMap<>();
        page.select(".states .state").forEach(e -> states.put(e.attr("data-state"), e.selectFirst(".n").text()));
        assertThat(states).containsExactly(entry("current", "1"), entry("behind", "3"), entry("ahead", "1"),
                entry("dirty", "1"), entry("uninitialized", "1"), entry("unreachable", "1"));
        assertThat(page.select("table.tenants tbody tr")).extracting(tr -> tr.child(0).text())
                .containsExactly("onebranch", "old", "empty", "future", "broken", "fresh", "gone");
        assertThat(page.select("table.tenants tbody tr").get(6).select("td.error").text()).isEqualTo(unreachableError);
        assertThat(page.select("time.report-time").attr("datetime")).isEqualTo("2024-05-01T10:11:12.345678Z");
        assertThat(page.select("time.report-time").text()).isEqualTo("2024-05-01 10:11:12 UTC");
    }

    private static Map<String, Object> tenant(String id, String server, List<String> revisions, String state,
                                              Integer behind, String error) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("server", server);
        fields.put("revisions", revisions);
        fields.put("state", state);
        fields.put("behind", behind);
        fields.put("error", error);
        return fields;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String csv(String value) {
        return value.contains(",") || value.contains("\"") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
