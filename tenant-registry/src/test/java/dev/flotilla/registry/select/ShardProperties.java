package dev.flotilla.registry.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.registry.Tenant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.UniqueElements;

class ShardProperties {

    @Property(tries = 200)
    void everyTenantIsInExactlyOneShard(@ForAll @Size(max = 200) @UniqueElements List<@AlphaChars @StringLength(min = 1, max = 20) String> ids,
                                        @ForAll @IntRange(min = 1, max = 17) int count) {
        List<Tenant> fleet = ids.stream().map(id -> Tenant.of(id, "pg1", null, "s")).toList();
        List<String> seen = new ArrayList<>();
        for (int index = 1; index <= count; index++) {
            Selection shard = Selection.everyTenant().inShard(new Shard(index, count));
            new Selector(shard).select(fleet).forEach(t -> seen.add(t.id()));
        }
        assertThat(seen).hasSize(ids.size());
        assertThat(Set.copyOf(seen)).isEqualTo(Set.copyOf(ids));
    }

    @Property(tries = 100)
    void aTenantsShardDoesNotDependOnTheOtherTenants(@ForAll @AlphaChars @StringLength(min = 1, max = 30) String id,
                                                     @ForAll @IntRange(min = 1, max = 64) int count) {
        int shard = Shard.indexOf(id, count);
        assertThat(shard).isBetween(1, count);
        Set<String> others = new LinkedHashSet<>(List.of("x", "y", id));
        List<Tenant> fleet = others.stream().map(o -> Tenant.of(o, "pg1", null, "s")).toList();
        assertThat(new Selector(Selection.everyTenant().inShard(new Shard(shard, count))).select(fleet))
                .extracting(Tenant::id).contains(id);
    }
}
