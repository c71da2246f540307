package dev.flotilla.survey;

import dev.flotilla.Flotilla;
import dev.flotilla.engine.dialect.Dialect;
import dev.flotilla.engine.dialect.Dialects;
import dev.flotilla.engine.migrate.HistoryEntry;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.flotilla.cli.SampleProject.R1;
import static dev.flotilla.cli.SampleProject.R2;
import static dev.flotilla.cli.SampleProject.R3;
import static dev.flotilla.survey.SurveyFleet.B1;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Database-per-tenant on MariaDB: a few dozen databases in every state read over one connection to the
 * server, each reading the same as the tenant's own status; a missing database is uninitialized.
 */
@DatabaseTest(DatabaseKind.MYSQL)
class MariaDbSurveyTest {

    private static final Dialect MYSQL = Dialects.named("mariadb");
    private static final int COUNT = 40;

    @TempDir
    Path dir;

    private TestDatabase db;
    private SurveyFleet fleet;

    @BeforeEach
    void server(TestDatabases databases) {
        db = databases.createExtra(DatabaseKind.MYSQL);
        String template = db.jdbcUrl().replace("/" + db.name(), "/${tenant.database}");
        fleet = new SurveyFleet(dir).config("""
                my:
                  url: %s
                  user: %s
                  password: ${env:MY_PASSWORD:-}
                  pool_size: 2
                """.formatted(template, db.user()));
        fleet.tenants(IntStream.range(0, COUNT).mapToObj(i -> "{id: t" + i + ", server: my, database: " + database(i) + "}")
                .toList());
    }

    @AfterEach
    void dropTenantDatabases() throws Exception {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            for (int i = 0; i < COUNT; i++) {
                statement.execute("DROP DATABASE IF EXISTS " + MYSQL.sql().quote(database(i)));
            }
        }
    }

    @Test
    void readsDatabasesInEveryStateOverOneConnection() throws Exception {
        // States by i % 5: 0 no database, 1 an empty database, 2 at R1, 3 at both heads, 4 tables, no rows.
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            for (int i = 0; i < COUNT; i++) {
                if (i % 5 != 0) {
                    statement.execute("CREATE DATABASE " + MYSQL.sql().quote(database(i)));
                }
                if (i % 5 >= 2) {
                    for (String sql : MYSQL.sql().createVersionTable(database(i), "flotilla_version")) {
                        statement.execute(sql);
                    }
                    for (String sql : MYSQL.sql().createHistoryTable(database(i), "flotilla_history")) {
                        statement.execute(sql);
                    }
                }
                for (String revision : i % 5 == 2 ? List.of(R1) : i % 5 == 3 ? List.of(R3, B1) : List.<String>of()) {
                    statement.execute("INSERT INTO " + MYSQL.sql().table(database(i), "flotilla_version")
                            + " VALUES ('" + revision + "')");
                }
            }
        }
        SurveyFleet.CountingConnector connector = new SurveyFleet.CountingConnector();
        try (Flotilla flotilla = fleet.open(Map.of("MY_PASSWORD", db.password(), "USER", "tester"))) {
            flotilla.tenant("t4").upgrade(R2);
            flotilla.tenant("t9").upgrade(R1);
            try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO " + MYSQL.sql().table(database(9), "flotilla_history") + " (run_id,"
                        + " revision, direction, started_at, outcome, statements_done, statements_total, error, applied_by)"
                        + " VALUES ('run-9', '" + R2 + "', 'upgrade', UTC_TIMESTAMP(6), 'dirty', 1, 2,"
                        + " 'Duplicate column name ''name''', 'tester')");
            }

            Map<String, Reading> readings = new FleetSurvey(flotilla, SurveySettings.DEFAULTS.withConnector(connector))
                    .read(flotilla.registry().tenants());

            assertThat(PostgresSurveyTest.revisionsCount(readings)).isEqualTo(Map.of(
                    "uninitialized", 16L, "", 6L, R1, 9L, R2, 1L, B1 + "," + R3, 8L));
            Reading.Found dirty = (Reading.Found) readings.get("t9");
            assertThat(dirty.status().dirtyStep().map(HistoryEntry::revision)).contains(R2);
            assertThat(dirty.status().dirtyStep().map(HistoryEntry::error)).contains("Duplicate column name 'name'");
            assertThat(dirty.lastRun()).isEqualTo(dirty.status().dirtyStep());
            Reading.Found upgraded = (Reading.Found) readings.get("t4");
            assertThat(upgraded.lastRun().map(HistoryEntry::revision)).contains(R2);
            assertThat(upgraded.lastRun().map(HistoryEntry::action)).contains(HistoryEntry.Action.UPGRADE);
            assertThat(connector.opened.get()).isEqualTo(1);
            // A tenant without a database too: its status() is uninitialized, as the survey reads it.
            assertThat(SurveyFleet.assertSameAsStatus(flotilla, readings)).as("tenants whose status failed").isEmpty();
            SurveyFleet.assertPlanningReadIsStatusWithoutLastRun(flotilla, readings);
        }
    }

    private String database(int i) {
        return db.name() + "_t" + i;
    }
}
