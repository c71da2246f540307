package dev.flotilla.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code FLOTILLA_<PATH>} environment variables into the parsed file before it is read. A
 * variable's name is {@code FLOTILLA_} and the key path in capitals, every character other than a
 * letter or digit (the dots, a server name's {@code -}) written {@code _}: {@code servers.pg-1.pool_size}
 * is {@code FLOTILLA_SERVERS_PG_1_POOL_SIZE}. Only leaf keys can be set, and only for servers the file
 * names. Every other {@code FLOTILLA_} variable is an error, except those the launcher and the tests use
 * ({@link ConfigLoader#NOT_OVERRIDES}, {@code FLOTILLA_TEST_…}).
 */
final class Overrides {

    private static final String PREFIX = "FLOTILLA_";
    private static final String TEST_PREFIX = "FLOTILLA_TEST_";

    private Overrides() {
    }

    static void apply(Tree.Mapping root, Map<String, String> env, Problems problems) {
        Map<String, List<List<String>>> keys = variables(root);
        new TreeMap<>(env).forEach((variable, value) -> {
            if (!variable.startsWith(PREFIX) || ConfigLoader.NOT_OVERRIDES.contains(variable)
                    || variable.startsWith(TEST_PREFIX)) {
                return;
            }
            List<List<String>> paths = keys.get(variable);
            if (paths == null) {
                problems.add(Origin.NOWHERE, "", "environment variable " + variable + " names no key; expected "
                        + "FLOTILLA_ and a key path such as FLOTILLA_DEFAULTS_CONCURRENCY or FLOTILLA_SERVERS_"
                        + "<SERVER>_PASSWORD" + Suggestions.didYouMean(variable, keys.keySet()));
            } else if (paths.size() > 1) {
                problems.add(Origin.NOWHERE, "", "environment variable " + variable + " names "
                        + String.join(" and ", paths.stream().map(path -> String.join(".", path)).toList())
                        + "; expected one key: rename one of those servers");
            } else {
                set(root, paths.get(0), value, variable);
            }
        });
    }

    /** The variable name for a key path. */
    static String variable(List<String> path) {
        return PREFIX + String.join("_", path).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** Every settable key, by its variable name (a name may fit two keys when server names differ by case or - and _). */
    private static Map<String, List<List<String>>> variables(Tree.Mapping root) {
        Map<String, List<List<String>>> byName = new LinkedHashMap<>();
        collect(Schema.ROOT, root, new ArrayList<>(), byName);
        return byName;
    }

    private static void collect(Schema.Key schema, Tree node, List<String> path, Map<String, List<List<String>>> out) {
        for (Schema.Key key : schema.children()) {
            List<String> keyPath = new ArrayList<>(path);
            keyPath.add(key.name());
            Tree child = node instanceof Tree.Mapping mapping && mapping.entries().containsKey(key.name())
                    ? mapping.entries().get(key.name()).value() : null;
            switch (key.kind()) {
                case VALUE -> out.computeIfAbsent(variable(keyPath), name -> new ArrayList<>()).add(keyPath);
                case SECTION -> collect(key, child, keyPath, out);
                case VALUES -> {
                    // free names: only those the file gives can be set, like servers
                    if (child instanceof Tree.Mapping values) {
                        for (String name : values.entries().keySet()) {
                            List<String> entryPath = new ArrayList<>(keyPath);
                            entryPath.add(name);
                            out.computeIfAbsent(variable(entryPath), variable -> new ArrayList<>()).add(entryPath);
                        }
                    }
                }
                case NAMED -> {
                    if (child instanceof Tree.Mapping named) {
                        for (String name : named.entries().keySet()) {
                            List<String> entryPath = new ArrayList<>(keyPath);
                            entryPath.add(name);
                            collect(key.children().get(0), named.entries().get(name).value(), entryPath, out);
                        }
                    }
                }
            }
        }
    }

    private static void set(Tree.Mapping root, List<String> path, String value, String variable) {
        Tree.Mapping mapping = root;
        for (String part : path.subList(0, path.size() - 1)) {
            Tree.Entry entry = mapping.entries().get(part);
            if (entry == null) {
                Origin origin = Origin.NOWHERE.withVariable(variable);
                entry = new Tree.Entry(origin, new Tree.Mapping(origin));
                mapping.entries().put(part, entry);
            }
            if (!(entry.value() instanceof Tree.Mapping next)) {
                return; // not a mapping in the file: the reader reports that key's shape
            }
            mapping = next;
        }
        String leaf = path.get(path.size() - 1);
        Tree.Entry existing = mapping.entries().get(leaf);
        Origin origin = existing == null ? Origin.NOWHERE.withVariable(variable)
                : existing.value().origin().withVariable(variable);
        mapping.entries().put(leaf, new Tree.Entry(existing == null ? origin : existing.keyOrigin(),
                new Tree.Scalar(value, false, origin)));
    }
}
