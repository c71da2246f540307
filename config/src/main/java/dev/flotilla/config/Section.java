package dev.flotilla.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One mapping of the file being read against its {@link Schema.Key}: reports unknown keys when it is
 * opened, then hands out typed values, reporting every value that is missing, of the wrong shape, not
 * interpolable or out of range. Remembers whether anything in it failed, so that a record is built only
 * from good values. Lives for one load.
 */
final class Section {

    /** A scalar's text turned into a value; throws {@link IllegalArgumentException} saying what was expected. */
    interface Parser<T> {
        T parse(String text);
    }

    private final Tree.Mapping mapping;
    private final Origin origin;
    private final String path;
    private final Schema.Key schema;
    private final Problems problems;
    private final Interpolator interpolator;
    private boolean failed;

    private Section(Tree.Mapping mapping, Origin origin, String path, Schema.Key schema, Problems problems,
                    Interpolator interpolator) {
        this.mapping = mapping;
        this.origin = origin;
        this.path = path;
        this.schema = schema;
        this.problems = problems;
        this.interpolator = interpolator;
        reportUnknownKeys();
    }

    static Section root(Tree.Mapping mapping, Problems problems, Interpolator interpolator) {
        return new Section(mapping, new Origin(1, 1, null), "", Schema.ROOT, problems, interpolator);
    }

    String path() {
        return path;
    }

    boolean failed() {
        return failed;
    }

    /** The sub-section {@code key}, if present and a mapping (reported when it is something else). */
    Optional<Section> section(String key) {
        return entry(key).flatMap(entry -> asSection(entry, key, schema.child(key).orElseThrow()));
    }

    /** The named entries of {@code key} (e.g. {@code servers}) as sections, in the file's order. */
    Map<String, Section> named(String key, Function<String, Optional<String>> nameProblem) {
        Map<String, Section> sections = new LinkedHashMap<>();
        Schema.Key named = schema.child(key).orElseThrow();
        Optional<Tree.Entry> entry = entry(key);
        if (entry.isEmpty()) {
            return sections;
        }
        if (!(entry.get().value() instanceof Tree.Mapping entries)) {
            fail(entry.get().value().origin(), pathOf(key), "expected " + named.expected() + ", found "
                    + entry.get().value().describe());
            return sections;
        }
        Section parent = new Section(entries, entry.get().keyOrigin(), pathOf(key), named, problems, interpolator);
        entries.entries().forEach((name, child) -> {
            Optional<String> problem = nameProblem.apply(name);
            if (problem.isPresent()) {
                parent.fail(child.keyOrigin(), parent.pathOf(name), problem.get());
            } else {
                parent.asSection(child, name, named.children().get(0)).ifPresent(s -> sections.put(name, s));
            }
        });
        failed |= parent.failed;
        return sections;
    }

    /** The value of {@code key} read by {@code parser}, if present and good. */
    <T> Optional<T> value(String key, Interpolator.Allowed allowed, Parser<T> parser) {
        Optional<Tree.Entry> entry = entry(key);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        Tree value = entry.get().value();
        String keyPath = pathOf(key);
        String expected = schema.child(key).orElseThrow().expected();
        if (!(value instanceof Tree.Scalar scalar) || scalar.isNull()) {
            fail(value.origin(), keyPath, "expected " + expected + ", found " + value.describe());
            return Optional.empty();
        }
        Optional<String> text = interpolator.resolve(scalar.text(), allowed,
                message -> fail(value.origin(), keyPath, message));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.parse(text.get()));
        } catch (IllegalArgumentException e) {
            String detail = e instanceof InvalidValue invalid ? invalid.detail() : e.getMessage();
            String from = text.get().equals(scalar.text()) || allowed == Interpolator.Allowed.SECRET ? ""
                    : " (from '" + JdbcUrls.mask(scalar.text()) + "')";
            fail(value.origin(), keyPath, detail + from);
            return Optional.empty();
        }
    }

    /**
     * The free names and values under {@code key} (e.g. a server's {@code properties}), in the file's
     * order, each value interpolated like {@link #value}; names are checked by {@code nameProblem}.
     */
    Map<String, String> values(String key, Function<String, Optional<String>> nameProblem) {
        Map<String, String> values = new LinkedHashMap<>();
        Optional<Tree.Entry> entry = entry(key);
        if (entry.isEmpty()) {
            return values;
        }
        String keyPath = pathOf(key);
        if (!(entry.get().value() instanceof Tree.Mapping mapping)) {
            fail(entry.get().value().origin(), keyPath, "expected " + schema.child(key).orElseThrow().expected()
                    + ", found " + entry.get().value().describe());
            return values;
        }
        mapping.entries().forEach((name, child) -> {
            String path = keyPath + "." + name;
            Optional<String> problem = nameProblem.apply(name);
            if (problem.isPresent()) {
                fail(child.keyOrigin(), path, problem.get());
            } else if (!(child.value() instanceof Tree.Scalar scalar) || scalar.isNull()) {
                fail(child.value().origin(), path, "expected a value, found " + child.value().describe());
            } else {
                interpolator.resolve(scalar.text(), Interpolator.Allowed.ENV, message -> fail(scalar.origin(), path, message))
                        .ifPresent(text -> values.put(name, text));
            }
        });
        return values;
    }

    /** Like {@link #value} for a key that must be present: its absence is reported. */
    <T> Optional<T> required(String key, Interpolator.Allowed allowed, Parser<T> parser) {
        if (entry(key).isEmpty()) {
            fail(origin, pathOf(key), "required key is missing; expected "
                    + schema.child(key).orElseThrow().expected());
        }
        return value(key, allowed, parser);
    }

    boolean has(String key) {
        return mapping.entries().containsKey(key);
    }

    /**
     * Runs {@code build} (a record's constructor, or a check across keys) unless something in this
     * section already failed, reporting an {@link InvalidValue} at the key it names.
     */
    <T> Optional<T> build(Supplier<T> build) {
        if (failed) {
            return Optional.empty();
        }
        try {
            return Optional.of(build.get());
        } catch (InvalidValue e) {
            fail(originOf(e.key()), pathOf(e.key()), e.detail());
            return Optional.empty();
        }
    }

    /** Runs a check across keys whatever else failed, reporting an {@link InvalidValue} at the key it names. */
    void check(Runnable check) {
        try {
            check.run();
        } catch (InvalidValue e) {
            fail(originOf(e.key()), pathOf(e.key()), e.detail());
        }
    }

    /** Marks this section failed when a part of it (a sub-section) did. */
    void failIf(boolean partFailed) {
        failed |= partFailed;
    }

    void fail(Origin at, String keyPath, String message) {
        failed = true;
        problems.add(at, keyPath, message);
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Where the value of a (possibly dotted) key is, else where this section starts. */
    Origin originOf(String dottedKey) {
        Tree node = mapping;
        for (String part : dottedKey.split("\\.")) {
            if (!(node instanceof Tree.Mapping m) || !m.entries().containsKey(part)) {
                return origin;
            }
            node = m.entries().get(part).value();
        }
        return node.origin().line() > 0 || node.origin().variable() != null ? node.origin() : origin;
    }

    private Optional<Tree.Entry> entry(String key) {
        return Optional.ofNullable(mapping.entries().get(key));
    }

    private Optional<Section> asSection(Tree.Entry entry, String key, Schema.Key childSchema) {
        if (entry.value() instanceof Tree.Mapping child) {
            return Optional.of(new Section(child, entry.keyOrigin(), pathOf(key), childSchema, problems,
                    interpolator));
        }
        fail(entry.value().origin(), pathOf(key), "expected " + childSchema.expected() + ", found "
                + entry.value().describe());
        return Optional.empty();
    }

    private void reportUnknownKeys() {
        if (schema.kind() != Schema.Kind.SECTION) {
            return;
        }
        mapping.entries().forEach((key, entry) -> {
            if (schema.child(key).isEmpty()) {
                fail(entry.keyOrigin(), pathOf(key), "unknown key '" + key + "'; expected one of "
                        + String.join(", ", schema.childNames()) + Suggestions.didYouMean(key, schema.childNames()));
            }
        });
    }
}
