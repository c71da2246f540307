package dev.flotilla.registry.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.registry.Tenant;
import dev.flotilla.registry.TenantState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectorTest {

    private static Tenant tenant(String id, TenantState state, String... tags) {
        return new Tenant(id, "pg1", null, "s_" + id, Set.of(tags), Map.of(), state);
    }

    private static final List<Tenant> FLEET = List.of(
            tenant("acme-eu", TenantState.ACTIVE, "gold"),
            tenant("globex", TenantState.ACTIVE, "canary"),
            tenant("acme-us", TenantState.ACTIVE),
            tenant("initech", TenantState.SUSPENDED, "gold"),
            tenant("hooli", TenantState.ACTIVE, "gold"));

    private static List<String> ids(Selection selection) {
        return new Selector(selection).select(FLEET).stream().map(Tenant::id).toList();
    }

    @Test
    void idsGlobsAndTagsAreUnitedAndKeepRegistryOrder() {
        assertThat(ids(Selection.ofTenants("hooli", "acme-*"))).containsExactly("acme-eu", "acme-us", "hooli");
        assertThat(ids(Selection.ofTags("gold"))).containsExactly("acme-eu", "hooli");
        assertThat(ids(new Selection(List.of("globex"), Set.of("gold"), false, List.of(), null, null)))
                .containsExactly("acme-eu", "globex", "hooli");
    }

    @Test
    void allMinusExclusionsAndActiveOnlyByDefault() {
        assertThat(ids(Selection.everyTenant().excluding("acme-?s"))).containsExactly("acme-eu", "globex", "hooli");
        assertThat(ids(Selection.everyTenant().inStates(Set.of(TenantState.SUSPENDED)))).containsExactly("initech");
    }

    @Test
    void unknownIdsGlobsTagsAndFilteredStatesAreReportedTogether() {
        assertThatThrownBy(() -> ids(new Selection(List.of("acme", "zzz-*", "initech"), Set.of("platinum"), false,
                List.of("globx"), null, null)))
                .hasMessage("""
                        --tenant 'acme': no tenant has this id; did you mean 'acme-eu', 'acme-us'?
                        --tenant 'zzz-*' matches no tenant
                        no tenant has tag 'platinum'; known tags: canary, gold
                        --exclude 'globx': no tenant has this id; did you mean 'globex'?
                        tenant 'initech' is suspended; add --state suspended to select it""");
    }

    @Test
    void aSelectionThatNamesNothingIsAnError() {
        assertThatThrownBy(() -> ids(new Selection(null, null, false, null, null, null)))
                .hasMessage("no tenants selected: give --tenant ID, --tag TAG or --all");
    }

    @Test
    void shardsParseAndRejectBadValues() {
        assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4));
        assertThatThrownBy(() -> Shard.parse("0/4")).hasMessage("shard index must be 1 to 4, was 0");
        assertThatThrownBy(() -> Shard.parse("5/4")).hasMessage("shard index must be 1 to 4, was 5");
        assertThatThrownBy(() -> Shard.parse("two")).hasMessage("--shard must be I/N with whole numbers, 1 <= I <= N (e.g. 2/4), was 'two'");
        assertThat(Shard.indexOf("acme", 1)).isEqualTo(1);
    }

    @Test
    void aTenantsShardIsFixedBySha256OfItsId() {
        // first 8 bytes of SHA-256("acme") = 0x3d0a3a4b2a6ba4d1... (unsigned) mod 7 + 1
        java.math.BigInteger head = new java.math.BigInteger(1, java.util.Arrays.copyOf(sha("acme"), 8));
        assertThat(Shard.indexOf("acme", 7)).isEqualTo(head.mod(java.math.BigInteger.valueOf(7)).intValue() + 1);
    }

    private static byte[] sha(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
