package dev.flotilla.run;

import dev.flotilla.Flotilla;
import dev.flotilla.cli.SampleProject;
import dev.flotilla.config.ProjectConfig;
import dev.flotilla.engine.dialect.Dialect;
import dev.flotilla.engine.dialect.Dialects;
import dev.flotilla.engine.dialect.TargetLockedException;
import dev.flotilla.registry.Tenant;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static dev.flotilla.cli.SampleProject.R3;
import static dev.flotilla.run.PgFleets.count;
import static dev.flotilla.run.PgFleets.fleet;
import static dev.flotilla.run.PgFleets.names;
import static dev.flotilla.run.PgFleets.schemaTenants;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fleet runs on PostgreSQL at two edges, checked in the database itself: a run over tenants already at the
 * target neither locks nor writes anything, and a server whose connections are cut while its tenants are
 * inside a step loses only those steps (rolled back by the server), skips its other tenants, and does not
 * hold up the other server's.
 */
@DatabaseTest(DatabaseKind.POSTGRESQL)
class FleetRunPostgresEdgesTest {

    private static final Dialect POSTGRES = Dialects.named("postgresql");
    private static final String R4 = "d4d4d4d4d4d4";

    @TempDir
    Path dir;

    private TestDatabase pg;

    @BeforeEach
    void database(TestDatabases databases) {
        pg = databases.createExtra(DatabaseKind.POSTGRESQL);
    }

    @Test
    void tenantsAlreadyAtTheTargetTakeNoLockAndWriteNothing() throws Exception {
        List<String> schemas = names("s", 50);
        try (Flotilla flotilla = schemaTenants(fleet(dir, pg), "pg", pg, schemas).open("defaults:\n  lock_wait: 0\n")) {
            List<Tenant> all = flotilla.registry().tenants();
            assertThat(new FleetRun(flotilla, RunSettings.defaults(), RunListener.NONE)
                    .run(FleetCommand.upgrade("heads"), all).results())
                    .extracting(TenantResult::outcome).containsOnly(Outcome.MIGRATED);
            try (Connection holder = pg.connect()) {
                // The engine's own lock of every tenant, in one other session; closing it frees them all.
                for (String schema : schemas) {
                    POSTGRES.locks().acquire(holder, schema, ProjectConfig.DEFAULT_VERSION_TABLE, Duration.ZERO);
                }
                assertThatThrownBy(() -> flotilla.tenant("s001").upgrade("heads"))
                        .as("the lock held is the one the engine takes")
                        .isInstanceOf(TargetLockedException.class);
                // With every lock held the runner could not write; this catches a write made without the
                // lock, by the survey or the run's own bookkeeping.
                Map<String, String> before = writes(schemas);
                TestFleet.Recorder recorder = new TestFleet.Recorder();
                RunSummary summary = new FleetRun(flotilla, RunSettings.defaults(), recorder)
                        .run(FleetCommand.upgrade("heads"), all);

                // A tenant that went to its runner would find its lock held and, reading it at the target,
                // still end unchanged (another run may have taken it there), but after one attempt and some
                // time: only a tenant ended by the survey has 0 attempts, no duration and no tenantStarted.
                assertThat(summary.results()).containsExactlyElementsOf(schemas.stream().map(schema ->
                        new TenantResult(schema, "pg", List.of(R3), List.of(R3), List.of(), 0, Duration.ZERO,
                                Outcome.UNCHANGED, null)).toList());
                assertThat(recorder.started).isEmpty();
                assertThat(writes(schemas)).containsExactlyEntriesOf(before);
            }
        }
    }

    /**
     * What a write to a tenant's two tables would change. xmin is the transaction that wrote a row version:
     * an UPDATE, even one that sets a column to the value it has, or a delete and re-insert, gives the row
     * a new one. The history ids list rows added or deleted, and its identity sequence, which a rollback does
     * not put back, shows an insert even when it was rolled back. pg_stat_user_tables would count those
     * too, but other sessions report their counts to it late (when idle, at most once a second), so a
     * write just before the run ends could be missed.
     */
    private Map<String, String> writes(List<String> schemas) throws Exception {
        String union = schemas.stream().map(schema -> ("SELECT '%1$s', (SELECT string_agg(version_num || '@'"
                + " || xmin, ',' ORDER BY version_num) FROM %1$s.flotilla_version) || ' | ' || (SELECT string_agg(id"
                + " || '@' || xmin, ',' ORDER BY id) FROM %1$s.flotilla_history) || ' | ' || pg_sequence_last_value("
                + "pg_get_serial_sequence('%1$s.flotilla_history', 'id'))").formatted(schema))
                .collect(Collectors.joining(" UNION ALL "));
        Map<String, String> writes = new LinkedHashMap<>();
        try (Connection connection = pg.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(union)) {
            while (rows.next()) {
                writes.put(rows.getString(1), rows.getString(2));
            }
        }
        assertThat(writes).hasSize(schemas.size()).doesNotContainValue(null);
        return writes;
    }

    @Test
    void connectionsCutInsideAStepFailThoseTenantsRolledBackAndSkipTheRestOfTheirServer() throws Exception {
        // Only the far server's tenants sleep (PostgreSQL's pg_sleep(0) does not wait at all), after a
        // statement whose effect shows whether the step was rolled back.
        new SampleProject(dir).write(R4, R3, "slow step", "CREATE TABLE slow_marker (id INTEGER);\n"
                + "SELECT pg_sleep(CASE WHEN current_schema() LIKE 'f%' THEN 60 ELSE 0 END);\n",
                "DROP TABLE slow_marker;\n");
        // PostgreSQL notices a client gone during a statement only when it checks: the session Flotilla
        // enters sets client_connection_check_interval (5 s), so the server gives the minute up and rolls back.
        List<String> near = names("s", 12);
        List<String> far = names("f", 12);
        URI uri = URI.create(pg.jdbcUrl().substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort())) {
            String proxied = pg.jdbcUrl().replace(uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()),
                    "127.0.0.1:" + proxy.port());
            TestFleet fleet = schemaTenants(fleet(dir, pg), "pg", pg, near).connectionTimeout(Duration.ofSeconds(1))
                    .server("far", "url: " + proxied, "user: " + pg.user(), "password: ${env:PG_PASSWORD:-}");
            schemaTenants(fleet, "far", pg, far);
            try (Flotilla flotilla = fleet.open()) {
                List<Tenant> all = flotilla.registry().tenants();
                new FleetRun(flotilla, RunSettings.defaults(), RunListener.NONE).run(FleetCommand.upgrade(R3), all);
                // The circuit opens at the first lost connection, before the tenant's slot is free: no other
                // far tenant can start (and fail to connect) in between, so who fails and who is skipped is
                // exact. With it open, the tenants cut mid-step are not retried, whatever the retry count.
                RunSettings settings = RunSettings.defaults().withConcurrency(6, 3)
                        .withCircuit(new RunSettings.CircuitSettings(5, 1, Duration.ofMinutes(1)));
                TestFleet.Recorder recorder = new TestFleet.Recorder();
                CompletableFuture<Boolean> cut = CompletableFuture.supplyAsync(() -> {
                    boolean asleep = within(Duration.ofSeconds(30), () -> sleeping() == 3);
                    proxy.stop();
                    return asleep;
                });
                RunSummary summary = new FleetRun(flotilla, settings, recorder, new TestFleet.NoWait())
                        .run(FleetCommand.upgrade("heads"), all);
                assertThat(cut.get(30, TimeUnit.SECONDS)).as("three far tenants inside the slow step").isTrue();
                assertThat(within(Duration.ofSeconds(10), () -> sleeping() == 0))
                        .as("the server ended the cut sessions").isTrue();

                Map<String, TenantResult> results = summary.results().stream()
                        .collect(Collectors.toMap(TenantResult::tenant, result -> result));
                List<String> cutOff = far.subList(0, 3);
                for (String tenant : cutOff) {
                    TenantResult result = results.get(tenant);
                    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
                    assertThat(result.attempts()).isEqualTo(1);
                    assertThat(result.from()).containsExactly(R3);
                    assertThat(result.to()).containsExactly(R3);
                    assertThat(result.steps()).isEmpty();
                    assertThat(result.error()).isEqualTo(tenant + " (" + proxied + "): upgrade to " + R4
                            + " failed at statement 2 of 2 (" + new SampleProject(dir).file(R4) + " line 10): An I/O"
                            + " error occurred while sending to the backend. [SQLSTATE 08006]\n  statement: SELECT"
                            + " pg_sleep(CASE WHEN current_schema() LIKE 'f%' THEN 60 ELSE 0 END)\n  Everything this"
                            + " step did was rolled back; the target is at the revision before it.");
                }
                Set<String> reasons = cutOff.stream()
                        .map(tenant -> "server unavailable: " + Circuits.firstLine(results.get(tenant).error()))
                        .collect(Collectors.toSet());
                for (String tenant : far.subList(3, 12)) {
                    assertThat(results.get(tenant)).satisfies(result -> {
                        assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
                        assertThat(result.attempts()).isZero();
                        assertThat(result.error()).isIn(reasons);
                    });
                }
                assertThat(recorder.started).filteredOn(far::contains).containsExactlyInAnyOrderElementsOf(cutOff);
                assertThat(recorder.retries).isEmpty();
                assertThat(recorder.circuits).containsExactly("pg: closed", "far: closed", "far: open");
                assertThat(near).allSatisfy(tenant -> {
                    assertThat(results.get(tenant).outcome()).isEqualTo(Outcome.MIGRATED);
                    assertThat(results.get(tenant).to()).containsExactly(R4);
                });
                // Well inside the minute one slow step takes: nobody waited for a cut step to end.
                assertThat(summary.elapsed()).isLessThan(Duration.ofSeconds(30));
            }
        }
        for (String schema : near) {
            assertThat(versionAndMarker(schema)).as(schema).isEqualTo(R4 + " marker");
        }
        for (String schema : far) {
            assertThat(versionAndMarker(schema)).as(schema).isEqualTo(R3 + " none");
            assertThat(count(pg, "SELECT COUNT(*) FROM " + schema + ".flotilla_history WHERE revision = '" + R4 + "'"))
                    .as("no history row of the cut step: its connection was gone").isZero();
        }
    }

    /** Backends of the test database inside pg_sleep; pg_sleep(0) returns without waiting, so only far's. */
    private int sleeping() {
        try {
            return count(pg, "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND datname = '"
                    + pg.name() + "'");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A schema's version row and whether the slow step's table exists: {@code "<revision> marker|none"}. */
    private String versionAndMarker(String schema) throws Exception {
        try (Connection connection = pg.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT string_agg(version_num, ',') || CASE WHEN to_regclass('"
                     + schema + ".slow_marker') IS NULL THEN ' none' ELSE ' marker' END FROM " + schema
                     + ".flotilla_version")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Polls {@code condition} until it holds or {@code limit} passes; whether it held. */
    private static boolean within(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
