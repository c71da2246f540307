package dev.flotilla.status.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.flotilla.status.SkewReport;
import dev.flotilla.status.TenantStatus;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as CLI.md fixes it: {@code {"heads", "summary": {"total", "byState", "byRevision"},
 * "tenants": [{"id", "server", "revisions", "state", "behind", "error"}]}}. Every state appears in
 * {@code byState}, zeros included, so dashboards need no defaults; {@code behind} and {@code error} are
 * null where they do not apply.
 */
public final class JsonReport implements ReportRenderer {

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String render(SkewReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("heads", report.heads());
        root.put("summary", summary(report));
        root.put("tenants", report.tenants().stream().map(JsonReport::tenant).toList());
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // plain maps, lists, strings and numbers always serialize
        }
    }

    private static Map<String, Object> summary(SkewReport report) {
        Map<String, Object> byState = new LinkedHashMap<>();
        report.byState().forEach((state, count) -> byState.put(state.label(), count));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total", report.tenants().size());
        summary.put("byState", byState);
        summary.put("byRevision", report.byRevision());
        return summary;
    }

    private static Map<String, Object> tenant(TenantStatus tenant) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", tenant.id());
        fields.put("server", tenant.server());
        fields.put("revisions", List.copyOf(tenant.revisions()));
        fields.put("state", tenant.state().label());
        fields.put("behind", tenant.behind());
        fields.put("error", tenant.error());
        return fields;
    }
}
