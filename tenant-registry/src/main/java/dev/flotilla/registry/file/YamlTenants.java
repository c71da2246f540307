package dev.flotilla.registry.file;

import dev.flotilla.registry.Names;
import dev.flotilla.registry.Origin;
import dev.flotilla.registry.Problem;
import dev.flotilla.registry.TenantEntry;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads {@code tenants: [...]} from YAML (and JSON, which YAML 1.2 reads) as a stream of parser events,
 * never building a node tree, so that 100,000 tenants fit in a small heap. Every problem is collected
 * with its line. With {@code keepLayout} it also notes where the list and each entry sit in the text, for
 * {@link YamlWriter}. One use per instance; not thread-safe.
 */
final class YamlTenants {

    /** Where an entry sits: code point indexes, as snakeyaml's marks count them; -1 when absent. */
    record EntryLayout(String id, boolean flow, int keyColumn, int stateStart, int stateEnd, int mappingEnd, int lastEnd) {
    }

    /**
     * Where the tenant list sits. {@code keyEnd} is the end of the {@code tenants} key (-1 when the file has
     * none), {@code column} the column of a block list's first dash, {@code listEnd} the index of a flow
     * list's closing bracket, {@code lastEnd} the end of the last entry's last scalar or flow bracket.
     */
    record Layout(int keyEnd, boolean present, boolean flow, boolean empty, int column, int listEnd, int lastEnd,
                  List<EntryLayout> entries) {
    }

    record Result(List<TenantEntry> entries, List<Problem> problems, Layout layout) {
    }

    private final String source;
    private final Parser parser;
    private final boolean keepLayout;
    private final List<TenantEntry> entries = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Canon canon = new Canon();
    private final List<EntryLayout> entryLayouts = new ArrayList<>();
    private int keyEnd = -1;
    private boolean present;
    private boolean flow;
    private int column;
    private int listEnd = -1;
    private int lastEnd = -1;

    private YamlTenants(String source, Reader reader, boolean keepLayout) {
        this.source = source;
        this.keepLayout = keepLayout;
        LoadSettings settings = LoadSettings.builder().setLabel(source).setCodePointLimit(Integer.MAX_VALUE).build();
        this.parser = new ParserImpl(settings, new StreamReader(settings, reader));
    }

    static Result read(String source, Reader reader, boolean keepLayout) {
        YamlTenants yaml = new YamlTenants(source, reader, keepLayout);
        try {
            yaml.stream();
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(0);
            yaml.problems.add(new Problem(new Origin(source, line), null, "YAML syntax: "
                    + (e.getContext() == null ? "" : e.getContext() + ", ") + e.getProblem()));
        } catch (YamlEngineException e) {
            yaml.problems.add(new Problem(new Origin(source, 0), null, "YAML: " + e.getMessage()));
        }
        Layout layout = new Layout(yaml.keyEnd, yaml.present, yaml.flow, yaml.entries.isEmpty() && yaml.problems.isEmpty(),
                yaml.column, yaml.listEnd, yaml.lastEnd, yaml.entryLayouts);
        return new Result(yaml.entries, yaml.problems, layout);
    }

    private void stream() {
        expect(Event.ID.StreamStart);
        if (parser.checkEvent(Event.ID.StreamEnd)) {
            return;
        }
        expect(Event.ID.DocumentStart);
        Event root = parser.next();
        if (root.getEventId() == Event.ID.MappingStart) {
            rootMapping();
        } else if (!isNull(root)) {
            problem(root, "expected a mapping with the key 'tenants', e.g. tenants: [{id: acme, server: pg1}]");
            skipRest(root);
        }
        expect(Event.ID.DocumentEnd);
        if (parser.checkEvent(Event.ID.DocumentStart)) {
            problem(parser.peekEvent(), "a registry file holds one YAML document; this is a second one");
        }
    }

    private void rootMapping() {
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            Event key = parser.next();
            if (key instanceof ScalarEvent scalar && scalar.getValue().equals("tenants")) {
                keyEnd = index(key.getEndMark());
                present = true;
                tenantList();
            } else {
                problem(key, "unknown key " + describe(key) + " at the top level; expected 'tenants'");
                skipRest(key);
                skipRest(parser.next());
            }
        }
        parser.next();
    }

    private void tenantList() {
        Event list = parser.next();
        if (list.getEventId() != Event.ID.SequenceStart) {
            if (!isNull(list)) {
                problem(list, "'tenants' must be a list of entries such as {id: acme, server: pg1}");
                skipRest(list);
            }
            return;
        }
        flow = ((CollectionStartEvent) list).isFlow();
        column = list.getStartMark().map(Mark::getColumn).orElse(0);
        while (!parser.checkEvent(Event.ID.SequenceEnd)) {
            entry(parser.next());
        }
        listEnd = index(parser.next().getStartMark());
    }

    private void entry(Event start) {
        Origin origin = new Origin(source, line(start));
        if (start.getEventId() != Event.ID.MappingStart) {
            problems.add(new Problem(origin, null, "each tenant must be a mapping such as {id: acme, server: pg1}, found "
                    + describe(start)));
            skipRest(start);
            return;
        }
        Fields fields = new Fields(origin, problems, canon);
        Set<String> seen = new HashSet<>();
        int keyColumn = -1;
        int stateStart = -1;
        int stateEnd = -1;
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            Event key = parser.next();
            keyColumn = keyColumn < 0 ? key.getStartMark().map(Mark::getColumn).orElse(0) : keyColumn;
            if (!(key instanceof ScalarEvent scalarKey)) {
                fields.problem(line(key), "keys must be plain names such as id or server");
                skipRest(key);
                skipRest(parser.next());
                continue;
            }
            String name = scalarKey.getValue();
            Event value = parser.next();
            track(value);
            if (!seen.add(name)) {
                fields.problem(line(key), "key " + Names.quote(name) + " is given twice");
                skipRest(value);
            } else if (name.equals("tags")) {
                fields.tags = tags(fields, value);
            } else if (name.equals("attributes")) {
                attributes(fields, value);
            } else if (Fields.KEYS.contains(name)) {
                String text = scalar(fields, name, value);
                switch (name) {
                    case "id" -> fields.id = text;
                    case "server" -> fields.server = text;
                    case "database" -> fields.database = text;
                    case "schema" -> fields.schema = text;
                    default -> {
                        fields.state = text;
                        stateStart = index(value.getStartMark());
                        stateEnd = index(value.getEndMark());
                    }
                }
            } else {
                fields.unknownKey(line(key), name);
                skipRest(value);
            }
        }
        Event end = parser.next();
        boolean flowEntry = ((CollectionStartEvent) start).isFlow();
        if (flowEntry) {
            lastEnd = index(end.getEndMark());
        }
        TenantEntry entry = fields.toEntry();
        if (entry != null) {
            entries.add(entry);
        }
        if (keepLayout && fields.id != null) {
            entryLayouts.add(new EntryLayout(fields.id, flowEntry, keyColumn, stateStart, stateEnd,
                    flowEntry ? index(end.getStartMark()) : -1, lastEnd));
        }
    }

    private String scalar(Fields fields, String name, Event value) {
        if (value instanceof ScalarEvent scalar) {
            return isNull(scalar) ? null : scalar.getValue();
        }
        fields.problem(line(value), Names.quote(name) + " must be a single value, found " + describe(value));
        skipRest(value);
        return null;
    }

    private List<String> tags(Fields fields, Event value) {
        if (isNull(value)) {
            return List.of();
        }
        if (value.getEventId() != Event.ID.SequenceStart) {
            fields.problem(line(value), "'tags' must be a list such as [gold, canary], found " + describe(value));
            skipRest(value);
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        while (!parser.checkEvent(Event.ID.SequenceEnd)) {
            Event tag = parser.next();
            track(tag);
            String text = scalar(fields, "tags", tag);
            if (text != null) {
                tags.add(text);
            }
        }
        track(parser.next());
        return tags;
    }

    private void attributes(Fields fields, Event value) {
        if (isNull(value)) {
            return;
        }
        if (value.getEventId() != Event.ID.MappingStart) {
            fields.problem(line(value), "'attributes' must be a mapping such as {region: eu}, found " + describe(value));
            skipRest(value);
            return;
        }
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            Event key = parser.next();
            Event attribute = parser.next();
            track(attribute);
            if (key instanceof ScalarEvent name && attribute instanceof ScalarEvent text) {
                if (!fields.attribute(name.getValue(), isNull(text) ? "" : text.getValue())) {
                    fields.problem(line(key), "attribute " + Names.quote(name.getValue()) + " is given twice");
                }
            } else {
                fields.problem(line(key), "attributes are single values: " + describe(key) + " is not");
                skipRest(key);
                skipRest(attribute);
            }
        }
        track(parser.next());
    }

    /** Consumes the rest of a collection whose start event was just read; nothing for a scalar. */
    private void skipRest(Event start) {
        if (start.getEventId() == Event.ID.Alias) {
            problem(start, "aliases (*name) are not supported in registry files; write the value out");
            return;
        }
        int depth = start instanceof CollectionStartEvent ? 1 : 0;
        while (depth > 0) {
            Event event = parser.next();
            if (event instanceof CollectionStartEvent) {
                depth++;
            } else if (event.getEventId() == Event.ID.MappingEnd || event.getEventId() == Event.ID.SequenceEnd) {
                depth--;
            }
        }
    }

    private void track(Event event) {
        if (event instanceof ScalarEvent || (event.getEventId() == Event.ID.SequenceEnd || event.getEventId() == Event.ID.MappingEnd)
                && event.getEndMark().isPresent() && isFlowEnd(event)) {
            lastEnd = Math.max(lastEnd, index(event.getEndMark()));
        }
    }

    /** A flow collection's end event sits on its bracket; a block one's sits at the next token. */
    private static boolean isFlowEnd(Event event) {
        int[] buffer = event.getStartMark().map(Mark::getBuffer).orElse(null);
        int pointer = event.getStartMark().map(Mark::getPointer).orElse(-1);
        return buffer != null && pointer >= 0 && pointer < buffer.length && (buffer[pointer] == ']' || buffer[pointer] == '}');
    }

    private void expect(Event.ID id) {
        Event event = parser.next();
        if (event.getEventId() != id) {
            problem(event, "unexpected " + describe(event));
        }
    }

    private void problem(Event event, String message) {
        problems.add(new Problem(new Origin(source, line(event)), null, message));
    }

    private static boolean isNull(Event event) {
        if (!(event instanceof ScalarEvent scalar) || !scalar.isPlain()) {
            return false;
        }
        String value = scalar.getValue();
        return value.isEmpty() || value.equals("~") || value.equals("null") || value.equals("Null") || value.equals("NULL");
    }

    private static String describe(Event event) {
        return switch (event.getEventId()) {
            case Scalar -> Names.quote(((ScalarEvent) event).getValue());
            case SequenceStart -> "a list";
            case MappingStart -> "a mapping";
            case Alias -> "an alias";
            default -> event.getEventId().toString();
        };
    }

    private static int line(Event event) {
        return event.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    private static int index(java.util.Optional<Mark> mark) {
        return mark.map(Mark::getIndex).orElse(-1);
    }
}
