package dev.flotilla.registry.file;

import dev.flotilla.registry.Names;
import dev.flotilla.registry.Origin;
import dev.flotilla.registry.Problem;
import dev.flotilla.registry.Tenant;
import dev.flotilla.registry.TenantEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A CSV registry: a header row naming the columns {@code id}, {@code server}, {@code database},
 * {@code schema}, {@code tags} (separated by {@code ;} or {@code |}), {@code state}, and
 * {@code attributes.<name>} for free values; any other column is an error. Empty cells are absent values.
 * Immutable once read.
 */
final class CsvTenants {

    static final String ATTRIBUTE_PREFIX = "attributes.";
    private static final List<String> COLUMNS = List.of("id", "server", "database", "schema", "tags", "state");

    private final String source;
    private final boolean keepRows;
    private final Canon canon = new Canon();
    private boolean sawHeader;
    private boolean headerGood;
    List<String> header = List.of();
    /** The rows after the header, kept only for writing (see {@link #read}). */
    final List<Csv.Row> rows = new ArrayList<>();
    final List<TenantEntry> entries = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();

    private CsvTenants(String source, boolean keepRows) {
        this.source = source;
        this.keepRows = keepRows;
    }

    /**
     * Reads the text, turning each row into an entry as it is parsed. With {@code keepRows} the parsed
     * rows are kept in {@link #rows}, as {@link FileRegistry} needs them to rewrite one.
     */
    static CsvTenants read(String source, String text, boolean keepRows) {
        CsvTenants csv = new CsvTenants(source, keepRows);
        try {
            Csv.parse(text, csv::row);
        } catch (Csv.MalformedException e) {
            // As before streaming: a malformed file reports that alone.
            CsvTenants broken = new CsvTenants(source, keepRows);
            broken.problems.add(new Problem(new Origin(source, e.line), null, "CSV: " + e.getMessage()));
            return broken;
        }
        if (!csv.sawHeader) {
            csv.problems.add(new Problem(new Origin(source, 1), null, "CSV registry has no header row; expected at least id,server"));
        }
        return csv;
    }

    private void row(Csv.Row row) {
        if (!sawHeader) {
            sawHeader = true;
            header = row.fields();
            headerGood = checkHeader(source, row.line());
        } else {
            if (keepRows) {
                rows.add(row);
            }
            if (headerGood) {
                row(source, row);
            }
        }
    }

    private boolean checkHeader(String source, int line) {
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            Origin origin = new Origin(source, line);
            if (!seen.add(column)) {
                problems.add(new Problem(origin, null, "column " + Names.quote(column) + " appears twice in the header"));
            } else if (!COLUMNS.contains(column) && !column.startsWith(ATTRIBUTE_PREFIX)) {
                problems.add(new Problem(origin, null, "unknown column " + Names.quote(column) + "; expected "
                        + String.join(", ", COLUMNS) + ", or attributes.<name> for a free value" + Names.didYouMean(column, COLUMNS)));
            }
        }
        for (String required : List.of("id", "server")) {
            if (!seen.contains(required)) {
                problems.add(new Problem(new Origin(source, line), null, "the header has no " + required + " column"));
            }
        }
        return problems.isEmpty();
    }

    private void row(String source, Csv.Row row) {
        Origin origin = new Origin(source, row.line());
        if (row.fields().size() != header.size()) {
            problems.add(new Problem(origin, null, "row has " + row.fields().size() + " fields, the header has " + header.size()
                    + " (" + String.join(",", header) + ")"));
            return;
        }
        Fields fields = new Fields(origin, problems, canon);
        for (int i = 0; i < header.size(); i++) {
            String value = row.fields().get(i);
            String empty = value.isEmpty() ? null : value;
            switch (header.get(i)) {
                case "id" -> fields.id = empty;
                case "server" -> fields.server = empty;
                case "database" -> fields.database = empty;
                case "schema" -> fields.schema = empty;
                case "state" -> fields.state = empty;
                case "tags" -> fields.tags = splitTags(value);
                default -> {
                    if (empty != null) {
                        fields.attribute(header.get(i).substring(ATTRIBUTE_PREFIX.length()), value);
                    }
                }
            }
        }
        TenantEntry entry = fields.toEntry();
        if (entry != null) {
            entries.add(entry);
        }
    }

    /** Tags separated by {@code ;} or {@code |}, stripped, empty ones dropped; by hand, as it runs for every row. */
    static List<String> splitTags(String value) {
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> tags = new ArrayList<>(4);
        int start = 0;
        for (int i = 0; i <= value.length(); i++) {
            if (i == value.length() || value.charAt(i) == ';' || value.charAt(i) == '|') {
                String tag = value.substring(start, i).strip();
                if (!tag.isEmpty()) {
                    tags.add(tag);
                }
                start = i + 1;
            }
        }
        return tags;
    }

    /** The tenant as a CSV record under this header; refuses what the header has no column for. */
    String format(Tenant tenant) {
        List<String> missing = new ArrayList<>();
        if (tenant.database() != null && !header.contains("database")) {
            missing.add("database");
        }
        if (tenant.schema() != null && !header.contains("schema")) {
            missing.add("schema");
        }
        if (!tenant.tags().isEmpty() && !header.contains("tags")) {
            missing.add("tags");
        }
        if (tenant.state() != dev.flotilla.registry.TenantState.ACTIVE && !header.contains("state")) {
            missing.add("state");
        }
        tenant.attributes().keySet().stream().map(a -> ATTRIBUTE_PREFIX + a).filter(c -> !header.contains(c)).forEach(missing::add);
        if (!missing.isEmpty()) {
            throw new dev.flotilla.registry.RegistryException("tenant " + Names.quote(tenant.id())
                    + " cannot be written: the CSV header has no column " + String.join(", ", missing));
        }
        return header.stream().map(column -> Csv.format(switch (column) {
            case "id" -> tenant.id();
            case "server" -> tenant.server();
            case "database" -> tenant.database();
            case "schema" -> tenant.schema();
            case "tags" -> String.join(";", tenant.tags());
            case "state" -> tenant.state().label();
            default -> tenant.attributes().get(column.substring(ATTRIBUTE_PREFIX.length()));
        })).collect(Collectors.joining(","));
    }
}
