package dev.flotilla.report.run;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.flotilla.run.Outcome;
import dev.flotilla.run.RunSummary;
import dev.flotilla.run.TenantResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code --report FILE} JSON of a fleet run (schema in docs/run-reports.md): a {@code run} object and
 * one {@code tenants} entry per selected tenant, in selection order. Streamed with Jackson, so escaping is
 * right and 10,000 tenants need no object tree. Stateless and thread-safe.
 */
public final class RunReportJson {

    /** Bumped when a field changes meaning or disappears; new fields do not bump it. */
    public static final int VERSION = 1;

    private static final JsonFactory JSON = new JsonFactory();

    /** Writes the report to {@code file} atomically (a reader never sees half a report). */
    public void write(RunSummary summary, Path file) throws IOException {
        AtomicFile.write(file, bytes(summary));
    }

    /** The report as UTF-8 JSON, pretty-printed. */
    public byte[] bytes(RunSummary summary) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(buffer, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("report_version", VERSION);
            run(json, summary);
            json.writeArrayFieldStart("tenants");
            for (TenantResult result : summary.results()) {
                tenant(json, result);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the run report: " + e.getMessage(), e);
        }
        return buffer.toByteArray();
    }

    private static void run(JsonGenerator json, RunSummary summary) throws IOException {
        json.writeObjectFieldStart("run");
        json.writeStringField("id", summary.runId());
        json.writeStringField("command", summary.command());
        json.writeStringField("target", summary.target());
        json.writeStringField("started", summary.startedAt().toString());
        json.writeStringField("finished", summary.finishedAt().toString());
        json.writeNumberField("elapsed_ms", summary.elapsed().toMillis());
        json.writeBooleanField("interrupted", summary.interrupted());
        json.writeStringField("stop_reason", summary.stopReason().orElse(null));
        json.writeNumberField("total", summary.results().size());
        json.writeObjectFieldStart("counts");
        for (Outcome outcome : Outcome.values()) {
            json.writeNumberField(outcome.label(), summary.count(outcome));
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void tenant(JsonGenerator json, TenantResult result) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", result.tenant());
        json.writeStringField("server", result.server());
        strings(json, "from", result.from());
        strings(json, "to", result.to());
        strings(json, "steps", result.steps());
        json.writeNumberField("attempts", result.attempts());
        json.writeNumberField("duration_ms", result.duration().toMillis());
        json.writeStringField("outcome", result.outcome().label());
        json.writeStringField("error", result.error());
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
