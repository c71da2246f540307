package dev.flotilla.status.render;

import dev.flotilla.status.SkewReport;
import dev.flotilla.status.TenantStatus;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One row per tenant under the header {@code id,server,state,behind,revisions,error} (RFC 4180: a field
 * holding a comma, quote or line break is quoted). Revisions are joined with {@code ;}; an empty
 * {@code behind} means it cannot be known.
 */
public final class CsvReport implements ReportRenderer {

    private static final String HEADER = "id,server,state,behind,revisions,error";

    @Override
    public String render(SkewReport report) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (TenantStatus tenant : report.tenants()) {
            out.append(row(List.of(tenant.id(), tenant.server(), tenant.state().label(), Cells.behind(tenant),
                    Cells.revisions(tenant, ";"), Cells.error(tenant)))).append('\n');
        }
        return out.toString();
    }

    private static String row(List<String> fields) {
        return fields.stream().map(CsvReport::field).collect(Collectors.joining(","));
    }

    private static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
