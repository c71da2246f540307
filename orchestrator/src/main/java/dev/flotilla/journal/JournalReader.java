package dev.flotilla.journal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.run.TenantResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns a journal's records back into a {@link RecordedRun}. The last record may be torn (the orchestrator
 * was killed while writing it): it is skipped with a warning, and its tenant counts as never finished,
 * which {@code --resume} reruns. A bad record anywhere else means the journal was damaged: an error.
 */
final class JournalReader {

    private final JournalCodec codec;

    JournalReader(JournalCodec codec) {
        this.codec = codec;
    }

    /**
     * @param source  names the journal in messages ({@code .flotilla/runs/x.jsonl})
     * @param records its records in order, without line breaks
     */
    RecordedRun read(String source, List<String> records) {
        List<String> warnings = new ArrayList<>();
        List<JsonNode> nodes = parse(source, records, warnings);
        if (nodes.isEmpty() || !JournalCodec.RUN.equals(JournalCodec.type(nodes.get(0)))) {
            throw new JournalException(source + " has no run header: the run was killed before it started "
                    + "anything, or this is not a Flotilla journal");
        }
        RunHeader header = convert(source, 1, () -> codec.toHeader(nodes.get(0)));
        List<String> started = new ArrayList<>();
        List<TenantResult> results = new ArrayList<>();
        Optional<RunEnd> end = Optional.empty();
        for (int i = 1; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            switch (convert(source, i + 1, () -> JournalCodec.type(node))) {
                case JournalCodec.START -> started.add(convert(source, i + 1, () -> codec.toStarted(node)));
                case JournalCodec.TENANT -> results.add(convert(source, i + 1, () -> codec.toTenant(node)));
                case JournalCodec.END -> end = Optional.of(convert(source, i + 1, () -> codec.toEnd(node)));
                default -> throw new JournalException(source + ":" + (i + 1) + ": unexpected record " + node);
            }
        }
        return new RecordedRun(header, started, results, end, warnings);
    }

    private List<JsonNode> parse(String source, List<String> records, List<String> warnings) {
        List<JsonNode> nodes = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            try {
                nodes.add(codec.parse(records.get(i)));
            } catch (Exception e) {
                if (i < records.size() - 1) {
                    throw new JournalException(source + ":" + (i + 1) + ": damaged record (" + e.getMessage()
                            + "); only the last record of a journal can be cut short by a crash", e);
                }
                warnings.add(source + ":" + (i + 1) + ": ignored an incomplete last record (the run was "
                        + "killed while writing it); its tenant counts as not finished");
            }
        }
        return nodes;
    }

    private static <T> T convert(String source, int number, Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (RuntimeException e) {
            throw new JournalException(source + ":" + number + ": " + e.getMessage(), e);
        }
    }
}
