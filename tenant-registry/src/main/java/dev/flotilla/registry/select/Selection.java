package dev.flotilla.registry.select;

import dev.flotilla.registry.TenantState;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which tenants a command works on, as given on the command line. Immutable.
 *
 * <p>A tenant is selected when {@code all} is set, or its id is one of {@code tenants} (exact ids, or
 * globs with {@code *} and {@code ?}), or it has one of {@code tags}; then minus {@code excludes} (ids or
 * globs); then only those whose state is in {@code states}; then only those in {@code shard}. See
 * {@link Selector} for what is an error.
 *
 * @param tenants  ids or globs ({@code --tenant}); never null
 * @param tags     tags ({@code --tag}); never null
 * @param all      {@code --all}
 * @param excludes ids or globs ({@code --exclude}); never null
 * @param shard    {@code --shard I/N}, or {@code null} for the whole fleet
 * @param states   the lifecycle states to keep; empty or null means {@code active} only
 */
public record Selection(List<String> tenants, Set<String> tags, boolean all, List<String> excludes, Shard shard,
                        Set<TenantState> states) {

    public Selection {
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
        tags = tags == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(tags));
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        states = states == null || states.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.of(TenantState.ACTIVE))
                : Collections.unmodifiableSet(EnumSet.copyOf(states));
    }

    /** Every active tenant. */
    public static Selection everyTenant() {
        return new Selection(List.of(), Set.of(), true, List.of(), null, null);
    }

    /** The given ids or globs, active only. */
    public static Selection ofTenants(String... idsOrGlobs) {
        return new Selection(List.of(idsOrGlobs), Set.of(), false, List.of(), null, null);
    }

    /** Active tenants with any of these tags. */
    public static Selection ofTags(String... tags) {
        return new Selection(List.of(), Set.of(tags), false, List.of(), null, null);
    }

    /** This selection without these ids or globs. */
    public Selection excluding(String... idsOrGlobs) {
        return new Selection(tenants, tags, all, List.of(idsOrGlobs), shard, states);
    }

    /** This selection cut to one shard. */
    public Selection inShard(Shard newShard) {
        return new Selection(tenants, tags, all, excludes, newShard, states);
    }

    /** This selection keeping tenants in these states instead of active only. */
    public Selection inStates(Set<TenantState> newStates) {
        return new Selection(tenants, tags, all, excludes, shard, newStates);
    }

    /** Whether anything names tenants ({@code --tenant}, {@code --tag} or {@code --all}). */
    public boolean isExplicit() {
        return all || !tenants.isEmpty() || !tags.isEmpty();
    }
}
