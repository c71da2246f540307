package dev.flotilla.cli;

import dev.flotilla.Flotilla;
import dev.flotilla.FlotillaOptions;
import dev.flotilla.config.ConfigLoader;
import dev.flotilla.config.ProjectConfig;
import dev.flotilla.connect.PoolSettings;
import dev.flotilla.registry.Tenant;
import dev.flotilla.registry.select.Selection;
import dev.flotilla.status.SkewAnalysis;
import dev.flotilla.status.SkewReport;
import dev.flotilla.survey.FleetSurvey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.flotilla.cli.SampleProject.R1;
import static dev.flotilla.cli.SampleProject.R3;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fleet with a tenant in every state, the same on every database. Scripts: the sample's R1 → R2 → R3,
 * then {@link #AUDIT} (two statements; the second clashes with a table {@code clash}), and a second root
 * {@link #BILLING}: two heads. Tenants, in registry order:
 * <ul>
 *   <li>{@code cur}: at both heads, current;</li>
 *   <li>{@code onebranch}: at AUDIT only, behind 1 (BILLING);</li>
 *   <li>{@code old}: at R1, behind 4;</li>
 *   <li>{@code empty}: stamped base (an empty version table), behind 5;</li>
 *   <li>{@code future}: at both heads with AUDIT replaced by {@link #UNKNOWN}, ahead;</li>
 *   <li>{@code broken}: AUDIT failed after its first statement, dirty;</li>
 *   <li>{@code fresh}: no version table, uninitialized;</li>
 *   <li>{@code gone}: on a server nobody answers for, unreachable.</li>
 * </ul>
 */
final class StatusFleet {

    static final String AUDIT = "d4d4d4d4d4d4";
    static final String BILLING = "b1b1b1b1b1b1";
    static final String UNKNOWN = "eeeeeeeeeeee";

    /** Runs SQL inside one tenant's schema, database or file. */
    interface TenantSql {
        void createPlace(String tenant) throws Exception;

        void execute(String tenant, String sql) throws Exception;
    }

    private StatusFleet() {
    }

    /** Writes the scripts, {@code flotilla.yaml} (the servers' YAML given) and {@code tenants.yaml}. */
    static void write(Path dir, String servers, String tenants) {
        new SampleProject(dir).create();
        new SampleProject(dir).write(AUDIT, R3, "add audit",
                "CREATE TABLE audit (id INTEGER);\nCREATE TABLE clash (id INTEGER);\n", "DROP TABLE audit;\n");
        new SampleProject(dir).write(BILLING, "", "add billing",
                "CREATE TABLE invoice (id INTEGER);\n", "DROP TABLE invoice;\n");
        try {
            Files.writeString(dir.resolve("flotilla.yaml"), "scripts: migrations\nservers:\n" + servers
                    + "registry:\n  file: tenants.yaml\n");
            Files.writeString(dir.resolve("tenants.yaml"), "tenants:\n" + tenants);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts every tenant but {@code gone} in its state. {@code realDirty}: the failed step leaves the tenant dirty by itself. */
    static void build(TestCli cli, TenantSql sql, boolean realDirty) throws Exception {
        for (String tenant : new String[] {"cur", "onebranch", "old", "empty", "future", "broken", "fresh"}) {
            sql.createPlace(tenant);
        }
        cli.ok("upgrade", "--tenant", "cur", "heads");
        cli.ok("upgrade", "--tenant", "onebranch", AUDIT);
        cli.ok("upgrade", "--tenant", "old", R1);
        // A fleet stamp to base leaves an uninitialized tenant alone (it is there already): stamp it away first.
        cli.ok("stamp", "--tenant", "empty", R1);
        cli.ok("stamp", "--tenant", "empty", "base");
        cli.ok("upgrade", "--tenant", "future", "heads");
        sql.execute("future", "UPDATE flotilla_version SET version_num = '" + UNKNOWN + "' WHERE version_num = '" + AUDIT + "'");
        sql.execute("broken", "CREATE TABLE clash (id INTEGER)");
        assertThat(cli.run("upgrade", "--tenant", "broken", "heads").exitCode()).isEqualTo(1);
        if (!realDirty) {
            // Where DDL is transactional the step rolled back: mark it as a database without that would have left it.
            sql.execute("broken", "UPDATE flotilla_history SET outcome = 'dirty', statements_done = 1 WHERE outcome = 'failed'");
        }
    }

    /**
     * The report as {@code status} makes it, through the Java API with a 250 ms connection timeout, so that
     * the unreachable tenant costs a quarter of a second rather than the CLI's 10 s.
     */
    static SkewReport report(Path dir, Map<String, String> env) {
        ProjectConfig config = ConfigLoader.load(dir.resolve("flotilla.yaml"), env);
        FlotillaOptions options = FlotillaOptions.from(config, "tester")
                .withPools(new PoolSettings(16, Duration.ofMillis(250), Duration.ofSeconds(30), Duration.ZERO));
        try (Flotilla flotilla = Flotilla.open(config, options)) {
            List<Tenant> tenants = flotilla.select(Selection.everyTenant());
            return new SkewAnalysis(flotilla.migrations().graph())
                    .report(tenants, new FleetSurvey(flotilla).read(tenants), TestCli.NOW);
        }
    }

    /** The tenants.yaml lines for servers {@code main} and {@code lost}, with each tenant's place from {@code place}. */
    static String tenants(java.util.function.Function<String, String> place) {
        StringBuilder out = new StringBuilder();
        for (String tenant : new String[] {"cur", "onebranch", "old", "empty", "future", "broken", "fresh"}) {
            out.append("  - {id: ").append(tenant).append(", server: main").append(place.apply(tenant)).append("}\n");
        }
        return out.append("  - {id: gone, server: lost").append(place.apply("gone")).append("}\n").toString();
    }
}
