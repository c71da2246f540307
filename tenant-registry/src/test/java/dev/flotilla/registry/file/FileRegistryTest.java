package dev.flotilla.registry.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.registry.RegistryException;
import dev.flotilla.registry.RegistryValidationException;
import dev.flotilla.registry.Tenant;
import dev.flotilla.registry.TenantEntry;
import dev.flotilla.registry.TenantState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRegistryTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void yamlEntriesKeepTheirLinesTagsStatesAndAttributes() throws IOException {
        Path file = file("tenants.yaml", """
                # the fleet
                tenants:
                  - {id: acme,    server: pg1,   schema: tenant_acme, tags: [gold, canary]}
                  - {id: globex,  server: my1,   database: globex, state: suspended}
                  - id: initech
                    server: files
                    attributes: {region: eu, tier: "2"}
                """);
        List<TenantEntry> entries = FileRegistry.open(file).load();
        assertThat(entries).extracting(e -> e.origin().line()).containsExactly(3, 4, 5);
        assertThat(entries.get(0).tenant()).isEqualTo(new Tenant("acme", "pg1", null, "tenant_acme",
                new LinkedHashSet<>(List.of("gold", "canary")), Map.of(), TenantState.ACTIVE));
        assertThat(entries.get(1).tenant().state()).isEqualTo(TenantState.SUSPENDED);
        assertThat(entries.get(2).tenant().attributes()).containsExactly(Map.entry("region", "eu"), Map.entry("tier", "2"));
    }

    @Test
    void yamlProblemsAreAllReportedWithTheirLines() throws IOException {
        Path file = file("tenants.yaml", """
                tenants:
                  - {id: acme, server: pg1, shema: tenant_acme}
                  - {id: "bad id", server: pg1}
                  - {server: pg1}
                  - {id: ok, server: pg1, state: paused, tags: gold}
                """);
        assertThatThrownBy(() -> FileRegistry.open(file).load())
                .isInstanceOf(RegistryValidationException.class)
                .hasMessage("Registry " + file + " has 5 problems:\n"
                        + "  " + file + ":2: tenant 'acme': unknown key 'shema'; expected id, server, database, schema, tags, state, attributes; did you mean 'schema'?\n"
                        + "  " + file + ":3: tenant id 'bad id' has a space (U+0020) at position 4; ids are 1 to 128 characters: ASCII letters, digits, '_', '.', '-', starting with a letter or digit\n"
                        + "  " + file + ":4: entry has no id\n"
                        + "  " + file + ":5: tenant 'ok': 'tags' must be a list such as [gold, canary], found 'gold'\n"
                        + "  " + file + ":5: tenant 'ok': unknown state 'paused'; expected one of active, provisioning, suspended, archived");
    }

    @Test
    void yamlSyntaxErrorsNameTheLine() throws IOException {
        Path file = file("tenants.yml", "tenants:\n  - {id: acme, server: pg1\n  - {id: b}\n");
        assertThatThrownBy(() -> FileRegistry.open(file).load())
                .hasMessageStartingWith("Registry " + file + " has 1 problem:\n  " + file + ":3: YAML syntax: while parsing a flow mapping");
    }

    @Test
    void jsonIsReadByTheSameParser() throws IOException {
        Path file = file("tenants.json", """
                {"tenants": [
                  {"id": "acme", "server": "pg1", "schema": "tenant acme", "tags": ["gold"]},
                  {"id": "b", "server": "pg1", "schema": "null"}
                ]}
                """);
        List<TenantEntry> entries = FileRegistry.open(file).load();
        assertThat(entries).extracting(e -> e.tenant().schema()).containsExactly("tenant acme", "null");
        assertThat(entries).extracting(e -> e.origin().line()).containsExactly(2, 3);
    }

    @Test
    void csvWithQuotedFieldsTagsAndAttributes() throws IOException {
        Path file = file("tenants.csv", """
                id,server,schema,tags,state,attributes.region
                acme,pg1,tenant_acme,gold;canary,,eu
                globex,pg1,"tenant ""globex"", inc",gold|x,suspended,
                """);
        List<TenantEntry> entries = FileRegistry.open(file).load();
        assertThat(entries.get(0).tenant().tags()).containsExactly("gold", "canary");
        assertThat(entries.get(0).tenant().attributes()).containsExactly(Map.entry("region", "eu"));
        assertThat(entries.get(1).tenant().schema()).isEqualTo("tenant \"globex\", inc");
        assertThat(entries.get(1).tenant().state()).isEqualTo(TenantState.SUSPENDED);
        assertThat(entries.get(1).origin().line()).isEqualTo(3);
    }

    @Test
    void csvProblemsNameTheirLines() throws IOException {
        Path file = file("tenants.csv", "id,server,shema\nacme,pg1\n");
        assertThatThrownBy(() -> FileRegistry.open(file).load())
                .hasMessage("Registry " + file + " has 1 problem:\n  " + file + ":1: unknown column 'shema'; expected id, server, "
                        + "database, schema, tags, state, or attributes.<name> for a free value; did you mean 'schema'?");
        Path ragged = file("ragged.csv", "id,server\nacme,pg1,extra\n\"open,pg1\n");
        assertThatThrownBy(() -> FileRegistry.open(ragged).load())
                .hasMessage("Registry " + ragged + " has 1 problem:\n  " + ragged + ":3: CSV: quoted field is not closed (a '\"' is missing)");
        Path wide = file("wide.csv", "id,server\nacme,pg1,extra\n");
        assertThatThrownBy(() -> FileRegistry.open(wide).load())
                .hasMessage("Registry " + wide + " has 1 problem:\n  " + wide + ":2: row has 3 fields, the header has 2 (id,server)");
    }

    @Test
    void anUnknownExtensionIsAnError() {
        assertThatThrownBy(() -> FileRegistry.open(dir.resolve("tenants.txt")))
                .isInstanceOf(RegistryException.class)
                .hasMessage("registry file " + dir.resolve("tenants.txt") + ": unknown extension; expected .yaml, .yml, .json or .csv");
    }

    @Test
    void registeringInYamlAppendsAFlowEntryAndKeepsComments() throws IOException {
        Path file = file("tenants.yaml", """
                # the fleet
                tenants:
                  - {id: acme, server: pg1, schema: tenant_acme}   # first
                  - id: globex
                    server: pg1
                    schema: tenant_globex
                # trailing comment
                """);
        FileRegistry registry = FileRegistry.open(file);
        registry.register(new Tenant("new-co", "pg1", null, "tenant new \"co\"", new LinkedHashSet<>(List.of("gold")),
                Map.of(), TenantState.PROVISIONING));
        assertThat(Files.readString(file)).isEqualTo("""
                # the fleet
                tenants:
                  - {id: acme, server: pg1, schema: tenant_acme}   # first
                  - id: globex
                    server: pg1
                    schema: tenant_globex
                  - {id: new-co, server: pg1, schema: "tenant new \\"co\\"", tags: [gold], state: provisioning}
                # trailing comment
                """);
        registry.setState("new-co", TenantState.ACTIVE);
        registry.setState("globex", TenantState.SUSPENDED);
        assertThat(registry.load()).extracting(e -> e.tenant().id() + "=" + e.tenant().state().label() + "@" + e.origin().line())
                .containsExactly("acme=active@3", "globex=suspended@4", "new-co=active@8");
        assertThat(Files.readString(file)).contains("  - {id: new-co, server: pg1, schema: \"tenant new \\\"co\\\"\", tags: [gold], state: active}")
                .contains("    schema: tenant_globex\n    state: suspended\n");
        assertThatThrownBy(() -> registry.register(Tenant.of("ACME", "pg1", null, "x")))
                .hasMessage("tenant 'ACME' is already registered at " + file + ":3");
    }

    @Test
    void registeringIntoAnEmptyOrFlowList() throws IOException {
        Path empty = file("empty.yaml", "tenants: []  # none yet\n");
        FileRegistry.open(empty).register(Tenant.of("a", "pg1", null, "s_a"));
        FileRegistry.open(empty).register(Tenant.of("b", "pg1", null, "s_b"));
        assertThat(Files.readString(empty)).isEqualTo("tenants: [{id: a, server: pg1, schema: s_a}, {id: b, server: pg1, schema: s_b}]  # none yet\n");
        Path json = file("t.json", "{\"tenants\": [\n  {\"id\": \"a\", \"server\": \"pg1\"}\n]}\n");
        FileRegistry.open(json).register(Tenant.of("b", "pg1", null, "s b"));
        FileRegistry.open(json).setState("a", TenantState.ARCHIVED);
        assertThat(Files.readString(json)).isEqualTo("{\"tenants\": [\n  {\"id\": \"a\", \"server\": \"pg1\", \"state\": \"archived\"}\n"
                + ", {\"id\": \"b\", \"server\": \"pg1\", \"schema\": \"s b\"}]}\n");
        Path none = file("none.yaml", "");
        FileRegistry.open(none).register(Tenant.of("a", "pg1", null, null));
        assertThat(FileRegistry.open(none).load()).extracting(e -> e.tenant().id()).containsExactly("a");
    }

    @Test
    void registeringInCsvAppendsARowAndStateChangesRewriteOnlyThatRow() throws IOException {
        Path file = file("tenants.csv", "id,server,schema,tags,state\nacme,pg1,tenant_acme,gold,\n");
        FileRegistry registry = FileRegistry.open(file);
        registry.register(new Tenant("b", "pg1", null, "s, with comma", new LinkedHashSet<>(List.of("x", "y")), Map.of(),
                TenantState.PROVISIONING));
        registry.setState("acme", TenantState.SUSPENDED);
        assertThat(Files.readString(file)).isEqualTo("id,server,schema,tags,state\nacme,pg1,tenant_acme,gold,suspended\n"
                + "b,pg1,\"s, with comma\",x;y,provisioning\n");
        assertThatThrownBy(() -> registry.register(new Tenant("c", "pg1", null, "s", null, Map.of("region", "eu"), null)))
                .hasMessage("tenant 'c' cannot be written: the CSV header has no column attributes.region");
        assertThatThrownBy(() -> registry.setState("acne", TenantState.ACTIVE))
                .hasMessage("no tenant 'acne' in " + file + "; did you mean 'acme'?");
    }
}
