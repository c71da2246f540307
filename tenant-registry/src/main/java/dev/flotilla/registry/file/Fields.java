package dev.flotilla.registry.file;

import dev.flotilla.registry.Names;
import dev.flotilla.registry.Origin;
import dev.flotilla.registry.Problem;
import dev.flotilla.registry.RegistryException;
import dev.flotilla.registry.Tenant;
import dev.flotilla.registry.TenantEntry;
import dev.flotilla.registry.TenantState;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One tenant's fields as read from a file, before they become a {@link Tenant}. Collects the problems
 * of its entry instead of stopping at the first. Not thread-safe; one per entry.
 */
final class Fields {

    /** The keys an entry may have; anything else is an error (a typo must never go unnoticed). */
    static final List<String> KEYS = List.of("id", "server", "database", "schema", "tags", "state", "attributes");

    private final Origin origin;
    private final List<Problem> problems;
    private final Canon canon;
    String id;
    String server;
    String database;
    String schema;
    List<String> tags = List.of();
    String state;
    /** Null until the first attribute: most tenants have none. */
    private Map<String, String> attributes;

    Fields(Origin origin, List<Problem> problems, Canon canon) {
        this.origin = origin;
        this.problems = problems;
        this.canon = canon;
    }

    /**
     * Sets an attribute, name and value shared through the read's {@link Canon}.
     *
     * @return whether the name was new (a second value replaces the first, as the caller reports)
     */
    boolean attribute(String name, String value) {
        if (attributes == null) {
            attributes = new LinkedHashMap<>(4);
        }
        return attributes.put(canon.of(name), canon.of(value)) == null;
    }

    /** Notes a problem with this entry, at its own origin or at a more precise line. */
    void problem(int line, String message) {
        problems.add(new Problem(line > 0 ? new Origin(origin.source(), line) : origin, id, message));
    }

    /** An unknown key, with the near known ones. */
    void unknownKey(int line, String key) {
        problem(line, "unknown key " + Names.quote(key) + "; expected " + String.join(", ", KEYS)
                + Names.didYouMean(key, KEYS));
    }

    /** The entry as a tenant, or {@code null} after noting why it is not one. */
    TenantEntry toEntry() {
        if (id == null) {
            problem(0, "entry has no id");
            return null;
        }
        if (server == null) {
            problem(0, "entry has no server");
            return null;
        }
        Set<String> tagSet = tagSet();
        if (tagSet.size() != tags.size()) {
            problem(0, "tags " + tags + " name a tag twice");
            return null;
        }
        Map<String, String> shared = attributes == null ? Map.of() : attributes;
        try {
            TenantState parsed = state == null ? TenantState.ACTIVE : TenantState.parse(state);
            return new TenantEntry(new Tenant(id, canon.of(server), database, schema, tagSet, shared, parsed), origin);
        } catch (RegistryException e) {
            String prefix = "tenant " + Names.quote(id) + ": ";
            String message = e.getMessage();
            if (message.startsWith(prefix)) {
                problems.add(new Problem(origin, id, message.substring(prefix.length())));
            } else {
                problems.add(new Problem(origin, message.startsWith("tenant id") ? null : id, message));
            }
            return null;
        }
    }

    /** The tags, shared through the canon; fewer than given when one is given twice. */
    private Set<String> tagSet() {
        if (tags.isEmpty()) {
            return Set.of();
        }
        if (tags.size() == 1) {
            return Set.of(canon.of(tags.get(0)));
        }
        Set<String> set = new LinkedHashSet<>();
        for (String tag : tags) {
            set.add(canon.of(tag));
        }
        return set;
    }
}
