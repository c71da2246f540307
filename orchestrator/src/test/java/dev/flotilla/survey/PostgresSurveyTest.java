package dev.flotilla.survey;

import dev.flotilla.Flotilla;
import dev.flotilla.engine.dialect.Dialect;
import dev.flotilla.engine.dialect.Dialects;
import dev.flotilla.engine.dialect.ReadScope;
import dev.flotilla.engine.dialect.TargetLock;
import dev.flotilla.engine.migrate.HistoryEntry;
import dev.flotilla.engine.migrate.TargetStatus;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.flotilla.cli.SampleProject.R1;
import static dev.flotilla.cli.SampleProject.R2;
import static dev.flotilla.cli.SampleProject.R3;
import static dev.flotilla.survey.SurveyFleet.B1;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema-per-tenant on PostgreSQL: hundreds of schemas in every state read in a few queries, each reading
 * the same as the tenant's own status; a thousand schemas through no more connections than the server's
 * limit; a server that refuses connections answers unreachable, at once and without its password.
 */
@DatabaseTest(DatabaseKind.POSTGRESQL)
class PostgresSurveyTest {

    private static final String PASSWORD = "pw-never-shown-5Tz";
    private static final Dialect POSTGRES = Dialects.named("postgresql");

    @TempDir
    Path dir;

    private TestDatabase db;
    private SurveyFleet fleet;

    @BeforeEach
    void database(TestDatabases databases) {
        db = databases.createExtra(DatabaseKind.POSTGRESQL);
        fleet = new SurveyFleet(dir).config("""
                pg:
                  url: %s
                  user: %s
                  password: ${env:PG_PASSWORD}
                  pool_size: 3
                  max_concurrency: 2
                pgdb:
                  url: %s
                  user: %s
                  password: ${env:PG_PASSWORD}
                  layout: database-per-tenant
                down:
                  url: jdbc:postgresql://127.0.0.1:1/app
                  user: nobody
                  password: ${env:PG_PASSWORD}
                """.formatted(db.jdbcUrl(), db.user(), db.jdbcUrl().replace("/" + db.name(), "/${tenant.database}"), db.user()));
    }

    @Test
    void readsSchemasInEveryStateAsTheirOwnStatusSays() throws Exception {
        int count = 300;
        fleet.tenants(IntStream.range(0, count).mapToObj(i -> "{id: t" + i + ", server: pg, schema: " + schema(i) + "}")
                .toList());
        // States by i % 6: 0 no schema, 1 an empty schema, 2 at R1, 3 at R3, 4 at both heads, 5 tables, no rows.
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            for (int i = 0; i < count; i++) {
                if (i % 6 != 0) {
                    statement.addBatch("CREATE SCHEMA " + POSTGRES.sql().quote(schema(i)));
                }
                if (i % 6 >= 2) {
                    POSTGRES.sql().createVersionTable(schema(i), "flotilla_version").forEach(sql -> add(statement, sql));
                    POSTGRES.sql().createHistoryTable(schema(i), "flotilla_history").forEach(sql -> add(statement, sql));
                }
                for (String revision : switch (i % 6) {
                    case 2 -> List.of(R1);
                    case 3 -> List.of(R3);
                    case 4 -> List.of(B1, R3);
                    default -> List.<String>of();
                }) {
                    statement.addBatch("INSERT INTO " + POSTGRES.sql().table(schema(i), "flotilla_version")
                            + " VALUES ('" + revision + "')");
                }
            }
            statement.executeBatch();
        }
        try (Flotilla flotilla = fleet.open(Map.of("PG_PASSWORD", PASSWORD, "USER", "tester"))) {
            flotilla.tenant("t5").upgrade(R2);          // real history rows, written by the runner
            flotilla.tenant("t11").upgrade("heads");
            dirty(flotilla, "t17");

            Map<String, Reading> readings = new FleetSurvey(flotilla).read(flotilla.registry().tenants());

            assertThat(readings.keySet()).containsExactlyElementsOf(
                    IntStream.range(0, count).mapToObj(i -> "t" + i).toList());
            assertThat(revisionsCount(readings)).isEqualTo(Map.of(
                    "uninitialized", 100L, "", 47L, R1, 51L, R2, 1L, R3, 50L, B1 + "," + R3, 51L));
            Reading.Found heads = (Reading.Found) readings.get("t11");
            assertThat(heads.status().revisions()).containsExactlyInAnyOrder(R3, B1);
            assertThat(heads.lastRun().map(HistoryEntry::revision)).contains(B1);
            assertThat(heads.lastRun().map(HistoryEntry::outcome)).contains(HistoryEntry.Outcome.APPLIED);
            Reading.Found dirty = (Reading.Found) readings.get("t17");
            assertThat(dirty.status().dirtyStep().map(HistoryEntry::revision)).contains(R2);
            assertThat(dirty.status().dirtyStep().map(HistoryEntry::error)).contains("half done");
            assertThat(readings.get("t0")).isEqualTo(new Reading.Found("t0",
                    new TargetStatus(false, List.of(), Optional.empty()), Optional.empty()));
            // Every tenant's own status, those without a schema (every sixth) included: uninitialized.
            assertThat(SurveyFleet.assertSameAsStatus(flotilla, readings)).as("tenants whose status failed").isEmpty();
            SurveyFleet.assertPlanningReadIsStatusWithoutLastRun(flotilla, readings);
        }
    }

    @Test
    void aRunningStepIsInProgressWhileItsRunHoldsTheLockAndDirtyAfter() throws Exception {
        fleet.tenants(List.of("{id: busy, server: pg, schema: busy}"));
        try (Flotilla flotilla = fleet.open(Map.of("PG_PASSWORD", PASSWORD, "USER", "tester"))) {
            flotilla.tenant("busy").provision();
            try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO busy.flotilla_history (run_id, revision, direction, started_at, outcome,"
                        + " applied_by) VALUES ('run-2', 'e5e5e5e5e5e5', 'upgrade', now(), 'running', 'other')");
            }
            try (Connection holder = db.connect();
                 TargetLock lock = POSTGRES.locks().acquire(holder, "busy", "flotilla_version", Duration.ZERO)) {
                Reading.Found running = (Reading.Found) new FleetSurvey(flotilla).read(flotilla.registry().tenants()).get("busy");
                assertThat(running.status().dirtyStep()).isEmpty();
                assertThat(running.lastRun().map(HistoryEntry::outcome)).contains(HistoryEntry.Outcome.RUNNING);
                SurveyFleet.assertPlanningReadIsStatusWithoutLastRun(flotilla, Map.of("busy", running));
            }
            Reading.Found orphaned = (Reading.Found) new FleetSurvey(flotilla).read(flotilla.registry().tenants()).get("busy");
            assertThat(orphaned.status().dirtyStep().map(HistoryEntry::outcome)).contains(HistoryEntry.Outcome.RUNNING);
            SurveyFleet.assertSameAsStatus(flotilla, Map.of("busy", orphaned));
            SurveyFleet.assertPlanningReadIsStatusWithoutLastRun(flotilla, Map.of("busy", orphaned));
        }
    }

    @Test
    void aThousandSchemasAreReadThroughNoMoreConnectionsThanTheServersLimit() throws Exception {
        int count = 1_000;
        fleet.tenants(IntStream.range(0, count).mapToObj(i -> "{id: t" + i + ", server: pg, schema: " + schema(i) + "}")
                .toList());
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            for (int i = 0; i < count; i += 2) {
                statement.addBatch("CREATE SCHEMA " + POSTGRES.sql().quote(schema(i)));
                if (i % 10 == 0) {
                    POSTGRES.sql().createVersionTable(schema(i), "flotilla_version").forEach(sql -> add(statement, sql));
                    statement.addBatch("INSERT INTO " + POSTGRES.sql().table(schema(i), "flotilla_version")
                            + " VALUES ('" + R2 + "')");
                }
            }
            statement.executeBatch();
        }
        SurveyFleet.CountingConnector connector = new SurveyFleet.CountingConnector();
        try (Flotilla flotilla = fleet.open(Map.of("PG_PASSWORD", PASSWORD, "USER", "tester"))) {
            Map<String, Reading> readings = new FleetSurvey(flotilla, SurveySettings.DEFAULTS.withConnector(connector)
                    .withTenantsPerConnection(100)).read(flotilla.registry().tenants());

            assertThat(revisionsCount(readings)).isEqualTo(Map.of("uninitialized", 900L, R2, 100L));
            assertThat(connector.peak.get()).isEqualTo(2); // max_concurrency
            assertThat(connector.opened.get()).isEqualTo(2);
            assertThat(connector.open.get()).isZero();
            assertThat(flotilla.connections().poolsCreated()).as("the Flotilla's own pools").isZero();
        }
    }

    @Test
    void aRunsPerServerLimitBoundsTheSurveysConnectionsBelowTheServersOwn() throws Exception {
        int count = 200;
        fleet.tenants(IntStream.range(0, count).mapToObj(i -> "{id: t" + i + ", server: pg, schema: " + schema(i) + "}")
                .toList());
        SurveyFleet.CountingConnector connector = new SurveyFleet.CountingConnector();
        try (Flotilla flotilla = fleet.open(Map.of("PG_PASSWORD", PASSWORD, "USER", "tester"))) {
            Map<String, Reading> readings = new FleetSurvey(flotilla, SurveySettings.DEFAULTS.withConnector(connector)
                    .withTenantsPerConnection(100)).read(flotilla.registry().tenants(), ReadScope.PLANNING, 1);

            assertThat(revisionsCount(readings)).isEqualTo(Map.of("uninitialized", 200L));
            // 200 tenants at 100 a connection would take two; the server allows two; the run's --per-server 1
            assertThat(connector.peak.get()).isEqualTo(1);
            assertThat(connector.opened.get()).isEqualTo(1);
            assertThat(connector.open.get()).isZero();
        }
    }

    @Test
    void aServerThatRefusesConnectionsMakesItsTenantsUnreachableAtOnce() throws Exception {
        fleet.tenants(List.of("{id: up, server: pg, schema: up}", "{id: gone1, server: down, schema: s1}",
                "{id: gone2, server: down, schema: s2}"));
        try (Flotilla flotilla = fleet.open(Map.of("PG_PASSWORD", PASSWORD, "USER", "tester"))) {
            flotilla.tenant("up").provision();
            long start = System.nanoTime();
            Map<String, Reading> readings = new FleetSurvey(flotilla).read(flotilla.registry().tenants());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertThat(((Reading.Found) readings.get("up")).status().revisions()).containsExactlyInAnyOrder(R3, B1);
            assertThat(readings.get("gone1")).isInstanceOfSatisfying(Reading.Unreachable.class, unreachable ->
                    assertThat(unreachable.error()).startsWith("cannot read server 'down' at "
                                    + "jdbc:postgresql://127.0.0.1:1/app: Connection to 127.0.0.1:1 refused")
                            .endsWith("[SQLSTATE 08001]; check that the server is up and reachable with the configured user")
                            .doesNotContain(PASSWORD));
            assertThat(readings.get("gone2")).isEqualTo(new Reading.Unreachable("gone2",
                    ((Reading.Unreachable) readings.get("gone1")).error()));
        }
    }

    @Test
    void databasePerTenantIsReadInEachDatabaseAndAMissingDatabaseIsUninitialized(TestDatabases databases) {
        TestDatabase other = databases.createExtra(DatabaseKind.POSTGRESQL);
        fleet.tenants(List.of("{id: own, server: pgdb, database: " + other.name() + "}",
                "{id: nodb, server: pgdb, database: " + other.name() + "_missing}"));
        try (Flotilla flotilla = fleet.open(Map.of("PG_PASSWORD", PASSWORD, "USER", "tester"))) {
            flotilla.tenant("own").upgrade(R2);

            Map<String, Reading> readings = new FleetSurvey(flotilla).read(flotilla.registry().tenants());

            Reading.Found own = (Reading.Found) readings.get("own");
            assertThat(own.status()).isEqualTo(new TargetStatus(true, List.of(R2), Optional.empty()));
            assertThat(own.lastRun().map(HistoryEntry::revision)).contains(R2);
            assertThat(readings.get("nodb")).isEqualTo(new Reading.Found("nodb",
                    new TargetStatus(false, List.of(), Optional.empty()), Optional.empty()));
        }
    }

    private void dirty(Flotilla flotilla, String tenant) throws Exception {
        flotilla.tenant(tenant).upgrade(R1);
        String schema = flotilla.registry().tenant(tenant).schema();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO " + POSTGRES.sql().table(schema, "flotilla_history") + " (run_id, revision,"
                    + " direction, started_at, outcome, error, applied_by) VALUES ('run-9', '" + R2 + "', 'upgrade', now(),"
                    + " 'dirty', 'half done', 'tester')");
        }
    }

    /** Tenants per revision list ("" for none, "uninitialized" for no version table), unreachable ones failing. */
    static Map<String, Long> revisionsCount(Map<String, Reading> readings) {
        return readings.values().stream().collect(Collectors.groupingBy(reading -> {
            TargetStatus status = ((Reading.Found) reading).status();
            return status.initialized() ? String.join(",", new ArrayList<>(status.revisions()).stream().sorted().toList())
                    : "uninitialized";
        }, Collectors.counting()));
    }

    private static String schema(int i) {
        return "tenant_" + i;
    }

    private static void add(Statement statement, String sql) {
        try {
            statement.addBatch(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
