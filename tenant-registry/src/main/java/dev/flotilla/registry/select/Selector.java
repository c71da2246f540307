package dev.flotilla.registry.select;

import dev.flotilla.registry.Names;
import dev.flotilla.registry.RegistryException;
import dev.flotilla.registry.Tenant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Applies a {@link Selection} to a registry's tenants, keeping registry order. Immutable, thread-safe.
 *
 * <p>Errors, all reported together so that a typo never silently selects less: a selection that names
 * nothing ({@code --tenant}, {@code --tag} or {@code --all} is needed), an exact id that no tenant has
 * (with near matches), a glob that matches no tenant, a tag no tenant has, an excluded id that no tenant
 * has, and an exact id whose tenant's state the selection leaves out.
 */
public final class Selector {

    private final Selection selection;

    public Selector(Selection selection) {
        this.selection = selection;
    }

    /** The selected tenants, in the order of {@code tenants}. */
    public List<Tenant> select(List<Tenant> tenants) {
        if (!selection.isExplicit()) {
            throw new RegistryException("no tenants selected: give --tenant ID, --tag TAG or --all");
        }
        Map<String, Tenant> byId = named(tenants);
        List<String> errors = new ArrayList<>();
        Predicate<Tenant> included = included(tenants, byId, errors);
        Predicate<Tenant> excluded = patterns(selection.excludes(), "--exclude", tenants, byId, errors);
        selection.tenants().stream().filter(id -> !Glob.isGlob(id) && byId.containsKey(id))
                .map(byId::get).filter(t -> !selection.states().contains(t.state()))
                .forEach(t -> errors.add("tenant " + Names.quote(t.id()) + " is " + t.state().label()
                        + "; add --state " + t.state().label() + " to select it"));
        if (!errors.isEmpty()) {
            throw new RegistryException(String.join("\n", errors));
        }
        Shard shard = selection.shard();
        java.security.MessageDigest sha256 = Shard.sha256();
        List<Tenant> selected = new ArrayList<>();
        for (Tenant tenant : tenants) {
            if (included.test(tenant) && !excluded.test(tenant) && selection.states().contains(tenant.state())
                    && (shard == null || Shard.indexOf(sha256, tenant.id(), shard.count()) == shard.index())) {
                selected.add(tenant);
            }
        }
        return selected;
    }

    /**
     * The tenants whose ids the selection names exactly (not by glob), by id: one pass, and no map of
     * the whole fleet, which is large and mostly unused.
     */
    private Map<String, Tenant> named(List<Tenant> tenants) {
        Set<String> exact = new HashSet<>();
        for (List<String> values : List.of(selection.tenants(), selection.excludes())) {
            values.stream().filter(value -> !Glob.isGlob(value)).forEach(exact::add);
        }
        Map<String, Tenant> byId = new HashMap<>();
        if (!exact.isEmpty()) {
            for (Tenant tenant : tenants) {
                if (exact.contains(tenant.id())) {
                    byId.put(tenant.id(), tenant);
                }
            }
        }
        return byId;
    }

    private Predicate<Tenant> included(List<Tenant> tenants, Map<String, Tenant> byId, List<String> errors) {
        if (selection.all()) {
            return t -> true;
        }
        Predicate<Tenant> byName = patterns(selection.tenants(), "--tenant", tenants, byId, errors);
        Set<String> tags = selection.tags();
        if (!tags.isEmpty()) {
            Set<String> known = new HashSet<>();
            for (Tenant tenant : tenants) {
                known.addAll(tenant.tags());
            }
            Set<String> sorted = new TreeSet<>(known);
            tags.stream().filter(tag -> !known.contains(tag)).forEach(tag -> errors.add("no tenant has tag "
                    + Names.quote(tag) + "; known tags: " + (known.isEmpty() ? "(none)" : String.join(", ", sorted))));
        }
        return byName.or(t -> !tags.isEmpty() && hasAny(t.tags(), tags));
    }

    private static boolean hasAny(Set<String> tenantTags, Set<String> wanted) {
        for (String tag : tenantTags) {
            if (wanted.contains(tag)) {
                return true;
            }
        }
        return false;
    }

    /** Matches ids or globs; notes each id no tenant has and each glob that matches none. */
    private static boolean matchesAny(List<Glob> patterns, String id) {
        for (Glob pattern : patterns) {
            if (pattern.matches(id)) {
                return true;
            }
        }
        return false;
    }

    private static Predicate<Tenant> patterns(List<String> values, String option, List<Tenant> tenants,
                                              Map<String, Tenant> byId, List<String> errors) {
        Set<String> exact = new TreeSet<>();
        Map<String, Glob> globs = new LinkedHashMap<>();
        for (String value : values) {
            if (Glob.isGlob(value)) {
                globs.put(value, Glob.compile(value));
            } else if (byId.containsKey(value)) {
                exact.add(value);
            } else {
                errors.add(option + " " + Names.quote(value) + ": no tenant has this id"
                        + Names.didYouMean(value, tenants.stream().map(Tenant::id).toList()));
            }
        }
        globs.forEach((glob, pattern) -> {
            if (tenants.stream().noneMatch(t -> pattern.matches(t.id()))) {
                errors.add(option + " " + Names.quote(glob) + " matches no tenant");
            }
        });
        if (values.isEmpty()) {
            return t -> false;
        }
        List<Glob> patterns = List.copyOf(globs.values());
        return t -> exact.contains(t.id()) || matchesAny(patterns, t.id());
    }
}
