package dev.flotilla.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.run.Outcome;
import dev.flotilla.run.RunSummary;
import dev.flotilla.run.TenantResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A journal's records as one-line JSON objects, the same in a file and in the table: a {@code run} header,
 * a {@code start} record per tenant started, a {@code tenant} record per tenant ended, an {@code end} record. Thread-safe (the mapper is only used
 * for trees, never reconfigured).
 */
final class JournalCodec {

    static final String RUN = "run";
    static final String START = "start";
    static final String TENANT = "tenant";
    static final String END = "end";
    /** Bumped when a record changes meaning; readers reject journals newer than they understand. */
    static final int VERSION = 1;

    private final ObjectMapper mapper = new ObjectMapper();

    String header(RunHeader header) {
        ObjectNode node = record(RUN);
        node.put("journal_version", VERSION);
        node.put("run_id", header.runId());
        node.put("command", header.command());
        node.put("target", header.target());
        node.put("started_at", header.startedAt().toString());
        strings(node.putArray("tenants"), header.tenants());
        return node.toString();
    }

    String start(String tenant, String server) {
        ObjectNode node = record(START);
        node.put("tenant", tenant);
        node.put("server", server);
        return node.toString();
    }

    String tenant(TenantResult result) {
        ObjectNode node = record(TENANT);
        node.put("tenant", result.tenant());
        node.put("server", result.server());
        node.put("outcome", result.outcome().label());
        strings(node.putArray("from"), result.from());
        strings(node.putArray("to"), result.to());
        strings(node.putArray("steps"), result.steps());
        node.put("attempts", result.attempts());
        node.put("duration_ms", result.duration().toMillis());
        node.put("error", result.error());
        return node.toString();
    }

    String end(RunSummary summary) {
        ObjectNode node = record(END);
        node.put("finished_at", summary.finishedAt().toString());
        node.put("interrupted", summary.interrupted());
        node.put("stop_reason", summary.stopReason().orElse(null));
        return node.toString();
    }

    /** Parses one record; any problem (bad JSON, a missing field, an unknown type) is an exception. */
    JsonNode parse(String line) throws Exception {
        JsonNode node = mapper.readTree(line);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return node;
    }

    RunHeader toHeader(JsonNode node) {
        int version = required(node, "journal_version").asInt();
        if (version > VERSION) {
            throw new IllegalArgumentException("journal version " + version + " is newer than this Flotilla reads ("
                    + VERSION + "): use a newer Flotilla");
        }
        return new RunHeader(text(node, "run_id"), text(node, "command"), text(node, "target"),
                strings(node, "tenants"), Instant.parse(text(node, "started_at")));
    }

    TenantResult toTenant(JsonNode node) {
        return new TenantResult(text(node, "tenant"), text(node, "server"), strings(node, "from"),
                strings(node, "to"), strings(node, "steps"), required(node, "attempts").asInt(),
                Duration.ofMillis(required(node, "duration_ms").asLong()),
                Outcome.valueOf(text(node, "outcome").toUpperCase(Locale.ROOT)), optionalText(node, "error"));
    }

    RunEnd toEnd(JsonNode node) {
        return new RunEnd(Instant.parse(text(node, "finished_at")), required(node, "interrupted").asBoolean(),
                Optional.ofNullable(optionalText(node, "stop_reason")));
    }

    String toStarted(JsonNode node) {
        return text(node, "tenant");
    }

    static String type(JsonNode node) {
        return text(node, "type");
    }

    private ObjectNode record(String type) {
        ObjectNode node = mapper.createObjectNode();
        node.put("type", type);
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static List<String> strings(JsonNode node, String field) {
        JsonNode array = required(node, field);
        if (!array.isArray()) {
            throw new IllegalArgumentException("'" + field + "' is not a list");
        }
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' is not text");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        return value;
    }
}
