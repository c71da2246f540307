package dev.flotilla.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TenantTest {

    private static final String RULE = "ids are 1 to 128 characters: ASCII letters, digits, '_', '.', '-', "
            + "starting with a letter or digit";

    @Test
    void stateDefaultsToActiveAndTagsKeepTheirOrder() {
        Tenant tenant = new Tenant("acme", "pg1", null, "tenant_acme", new java.util.LinkedHashSet<>(List.of("z", "a", "m")),
                Map.of("region", "eu"), null);
        assertThat(tenant.state()).isEqualTo(TenantState.ACTIVE);
        assertThat(tenant.tags()).containsExactly("z", "a", "m");
        assertThat(tenant.attributes()).containsEntry("region", "eu");
    }

    @Test
    void anIdWithASemicolonIsRejectedNamingTheCharacter() {
        assertThatThrownBy(() -> Tenant.of("acme;drop", "pg1", null, "s"))
                .isInstanceOf(RegistryException.class)
                .hasMessage("tenant id 'acme;drop' has ';' (U+003B) at position 5; " + RULE);
    }

    @Test
    void quotesSpacesControlCharactersAndUnicodeInIdsAreRejected() {
        assertThatThrownBy(() -> Tenant.of("o'brien", "pg1", null, "s"))
                .hasMessage("tenant id 'o\\'brien' has ''' (U+0027) at position 2; " + RULE);
        assertThatThrownBy(() -> Tenant.of("two words", "pg1", null, "s"))
                .hasMessage("tenant id 'two words' has a space (U+0020) at position 4; " + RULE);
        assertThatThrownBy(() -> Tenant.of("bell\u0007", "pg1", null, "s"))
                .hasMessage("tenant id 'bell\\u0007' has U+0007 at position 5; " + RULE);
        assertThatThrownBy(() -> Tenant.of("café", "pg1", null, "s"))
                .hasMessage("tenant id 'café' has 'é' (U+00E9) at position 4; " + RULE);
        assertThatThrownBy(() -> Tenant.of("-acme", "pg1", null, "s"))
                .hasMessage("tenant id '-acme' has '-' (U+002D) at position 1; " + RULE);
        assertThatThrownBy(() -> Tenant.of("", "pg1", null, "s")).hasMessage("tenant id must not be empty; " + RULE);
        assertThatThrownBy(() -> Tenant.of("a".repeat(129), "pg1", null, "s"))
                .hasMessage("tenant id '" + "a".repeat(129) + "' is 129 characters; " + RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme", "ACME-2", "a.b_c-d", "9lives", "select", "DROP"})
    void safeIdsAreAcceptedEvenWhenTheyAreSqlKeywords(String id) {
        assertThat(Tenant.of(id, "pg1", null, "s").id()).isEqualTo(id);
    }

    @Test
    void schemaNamesMayHoldQuotesSpacesAndUnicodeButNotControlCharacters() {
        Tenant tenant = Tenant.of("acme", "pg1", null, "tenant \"acme\"; DROP TABLE x; -- ü");
        assertThat(tenant.schema()).isEqualTo("tenant \"acme\"; DROP TABLE x; -- ü");
        assertThatThrownBy(() -> Tenant.of("acme", "pg1", null, "bad\0name"))
                .hasMessage("tenant 'acme': schema 'bad\\u0000name' has the control character U+0000, which no database name may hold");
        assertThatThrownBy(() -> Tenant.of("acme", "pg1", "  ", null))
                .hasMessage("tenant 'acme': database must not be blank (leave it out instead)");
    }

    @Test
    void tagsFollowTheIdRulesAndAttributeNamesMustNotShadowFields() {
        assertThatThrownBy(() -> new Tenant("acme", "pg1", null, "s", Set.of("gold;x"), Map.of(), null))
                .hasMessage("tenant 'acme': tag 'gold;x' is not valid; tags follow the id rules (ASCII letters, digits, '_', '.', '-')");
        assertThatThrownBy(() -> new Tenant("acme", "pg1", null, "s", Set.of(), Map.of("schema", "x"), null))
                .hasMessage("tenant 'acme': attribute name 'schema' is not valid; names are letters, digits and '_' "
                        + "(not starting with a digit), and not one of attributes, database, id, schema, server, state, tags");
    }

    @Test
    void unknownStatesListTheValidOnes() {
        assertThatThrownBy(() -> TenantState.parse("paused"))
                .hasMessage("unknown state 'paused'; expected one of active, provisioning, suspended, archived");
        assertThat(TenantState.parse("Suspended")).isEqualTo(TenantState.SUSPENDED);
    }
}
