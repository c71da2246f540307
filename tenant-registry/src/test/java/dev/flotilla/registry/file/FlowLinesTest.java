package dev.flotilla.registry.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast reader either gives exactly what the YAML reader gives, or gives up. */
class FlowLinesTest {

    private static final String SOURCE = "tenants.yaml";

    private static void assertSameAsYaml(String text) {
        YamlTenants.Result fast = FlowLines.read(SOURCE, text);
        YamlTenants.Result yaml = YamlTenants.read(SOURCE, new StringReader(text), false);
        assertThat(fast).as("the fast reader takes this shape").isNotNull();
        assertThat(fast.entries()).isEqualTo(yaml.entries());
        assertThat(fast.problems()).isEqualTo(yaml.problems());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "tenants:\n  - {id: acme, server: pg1, schema: tenant_acme}\n",
            "# the fleet\n\ntenants:   # all of them\n  - {id: acme, server: pg1}\n  # a comment between\n\n  - {id: b.c-d_e, server: my1, database: x}   # a comment after\n",
            "tenants:\n- {id: acme, server: pg1}\n- {id: globex, server: pg1}",
            "tenants:\r\n  - {id: acme,   server: pg1 ,  tags: [ gold ,canary ], state: suspended}\r\n",
            "tenants:\n  - {server: pg1, id: acme, tags: [], attributes: {}}\n",
            "tenants:\n  - {id: acme, server: pg1, attributes: {region: eu, tier: 2}}\n",
            "tenants:\n  - {id: 007, server: pg1, schema: true, state: active}\n",
            "# café, über: comments may hold any printable text\ntenants:\n  - {id: acme, server: pg1}\n",
    })
    void readsTheUsualShapeAsTheYamlReaderDoes(String text) {
        assertSameAsYaml(text);
    }

    @Test
    void problemsInValuesAreTheYamlReadersProblemsOnTheSameLines() {
        assertSameAsYaml("""
                tenants:
                  - {id: acme, server: pg1, state: paused}
                  - {id: ok, server: pg1, tags: [gold, gold]}
                  - {id: x, server: pg1, attributes: {id: 1}}
                  - {id: %s, server: pg1}
                  - {server: pg1}
                  - {id: y, database: d}
                  - {id: z, server: pg1, tags: [a.b, _c]}
                """.formatted("a".repeat(129)));
    }

    @Test
    void aGeneratedFleetReadsTheSame() {
        StringBuilder text = new StringBuilder("# generated\ntenants:\n");
        for (int i = 0; i < 2000; i++) {
            text.append("  - {id: tenant-").append(i).append(", server: pg").append(i % 3)
                    .append(i % 2 == 0 ? ", schema: s_" + i : ", database: d_" + i)
                    .append(", tags: [").append(i % 10 == 0 ? "canary, " : "").append(i % 3 == 0 ? "gold" : "silver").append(']')
                    .append(i % 7 == 0 ? ", state: suspended" : "")
                    .append(", attributes: {region: ").append(i % 2 == 0 ? "eu" : "us").append("}}\n");
        }
        assertSameAsYaml(text.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "# nothing\n",
            "tenants:\n",
            "tenants: []\n",
            "\uFEFFtenants:\n  - {id: acme, server: pg1}\n",
            "---\ntenants:\n  - {id: acme, server: pg1}\n",
            "  tenants:\n  - {id: acme, server: pg1}\n",
            "tenants:\n  - {id: 'acme', server: pg1}\n",
            "tenants:\n  - {id: \"acme\", server: pg1}\n",
            "tenants:\n  - {id: acme, server: null}\n",
            "tenants:\n  - {id: acme, server: ~}\n",
            "tenants:\n  - {id: acme, server: pg1, schema: }\n",
            "tenants:\n  - {id: acme, server: pg1, shema: s}\n",
            "tenants:\n  - {id: acme, server: pg1, id: again}\n",
            "tenants:\n  - {id: acme, server: pg1, tags: gold}\n",
            "tenants:\n  - {id: acme, server: pg1, attributes: {a: 1, a: 2}}\n",
            "tenants:\n  - {id: acme, server: pg1, attributes: region}\n",
            "tenants:\n  - {id: acme, server: pg1} # ok\n  - {id: b, server: pg1} x\n",
            "tenants:\n  - {id: acme, server: pg1,}\n",
            "tenants:\n  - {id:acme, server: pg1}\n",
            "tenants:\n  - {id: acme server, server: pg1}\n",
            "tenants:\n  - {id: acme/x, server: pg1}\n",
            "tenants:\n  - {id: .acme, server: pg1}\n",
            "tenants:\n  - {id: acme, server: pg1}\n    - {id: b, server: pg1}\n",
            "tenants:\n  - {id: acme,\n     server: pg1}\n",
            "tenants:\n  - id: acme\n    server: pg1\n",
            "tenants:\n  - &a {id: acme, server: pg1}\n",
            "tenants:\n\t- {id: acme, server: pg1}\n",
            "tenants:\n  - {id: acme, server: pg1}\ntenants:\n  - {id: b, server: pg1}\n",
            "tenants:\n  - {id: acme, server: pg1}\nother: 1\n",
            "# a lone CR\rother: 1\ntenants:\n  - {id: acme, server: pg1}\n",
            "tenants:\n  - {id: acme, server: pg1}\r  - {id: b, server: pg1}\n",
            "tenants:\n  - {id: acme, server: pg1}\n...\n",
            "tenants:#x\n  - {id: acme, server: pg1}\n",
            "tenants:\n  -{id: acme, server: pg1}\n",
    })
    void givesUpOnEveryOtherShape(String text) {
        assertThat(FlowLines.read(SOURCE, text)).isNull();
    }

    @Test
    void aWholeFileFallsBackWhenOneLineHasAnotherShape() {
        List<String> lines = List.of("tenants:", "  - {id: acme, server: pg1}", "  - {id: \"b c\", server: pg1}");
        assertThat(FlowLines.read(SOURCE, String.join("\n", lines) + "\n")).isNull();
    }
}
