package dev.flotilla.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.cli.TestCli.Result;
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
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.StreamSupport;

import static dev.flotilla.cli.SampleProject.R3;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code upgrade --all} over a mixed fleet (200 PostgreSQL schemas, 12 MariaDB databases, 6 SQLite files)
 * with a conflicting table planted in two tenants of each server kind but SQLite's one: exactly those five
 * fail, every other tenant reaches head; once the tables are dropped, {@code upgrade --resume RUN} migrates
 * exactly those five, and every tenant of the fleet holds each step applied exactly once.
 */
@DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MYSQL})
class MixedFleetResumeTest {

    private static final int SCHEMAS = 200;
    private static final int DATABASES = 12;
    private static final int FILES = 6;
    private static final List<String> PLANTED = List.of("p007", "p150", "m04", "m11", "s03");

    @TempDir
    Path dir;

    private TestDatabase pg;
    private TestDatabase my;
    private MixedFleet fleet;

    @BeforeEach
    void fleet(TestDatabases servers) throws Exception {
        pg = servers.createExtra(DatabaseKind.POSTGRESQL);
        my = servers.createExtra(DatabaseKind.MYSQL);
        new SampleProject(dir).create();
        fleet = new MixedFleet(dir, pg, my, SCHEMAS, DATABASES, FILES);
        fleet.create();
    }

    @AfterEach
    void dropTenantDatabases() throws Exception {
        if (fleet != null) {
            fleet.dropDatabases();
        }
    }

    @Test
    void exactlyThePlantedConflictsFailAndResumeFinishesThemOnceFixed() throws Exception {
        plant("CREATE TABLE");
        TestCli cli = new TestCli(dir).env("USER", "tester").env("PG_PASSWORD", pg.password())
                .env("MY_PASSWORD", my.password());
        Path report = dir.resolve("first.json");

        Result first = cli.run("upgrade", "--all", "-q", "--concurrency", "4", "--report", report.toString());

        assertThat(first.exitCode()).as("stderr:%n%s", first.err()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        List<JsonNode> results = StreamSupport.stream(json.at("/tenants").spliterator(), false).toList();
        assertThat(results).hasSize(SCHEMAS + DATABASES + FILES);
        assertThat(results).filteredOn(tenant -> tenant.at("/outcome").asText().equals("failed"))
                .extracting(tenant -> tenant.at("/id").asText()).containsExactlyInAnyOrderElementsOf(PLANTED);
        assertThat(results).filteredOn(tenant -> tenant.at("/outcome").asText().equals("failed"))
                .allSatisfy(tenant -> assertThat(tenant.at("/attempts").asInt()).isEqualTo(1));
        assertThat(results).filteredOn(tenant -> !PLANTED.contains(tenant.at("/id").asText()))
                .allSatisfy(tenant -> assertThat(tenant.at("/outcome").asText()).isEqualTo("migrated"));
        String runId = json.at("/run/id").asText();

        plant("DROP TABLE");
        Result resumed = cli.run("upgrade", "--resume", runId, "--concurrency", "4");

        assertThat(resumed.exitCode()).as("stderr:%n%s", resumed.err()).isEqualTo(0);
        assertThat(TestCli.beforeSummary(resumed.out()).lines().map(line -> line.substring(0, line.indexOf(':'))))
                .containsExactlyInAnyOrderElementsOf(PLANTED);
        for (String tenant : fleet.tenants()) {
            assertThat(appliedSteps(tenant)).as(tenant).isEqualTo(3);
        }
        assertThat(cli.ok("current", "--tenant", "p150")).isEqualTo("p150: " + R3 + " (head)\n");
    }

    /** Creates (or drops) the table the first revision creates, in each planted tenant. */
    private void plant(String verb) throws Exception {
        String table = verb.equals("CREATE TABLE") ? " account (id INTEGER)" : " account";
        pg(verb + " p007." + table.trim() + "; " + verb + " p150." + table.trim());
        my(verb + " `" + fleet.database("m04") + "`." + table.trim());
        my(verb + " `" + fleet.database("m11") + "`." + table.trim());
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/s03.db"));
             Statement statement = connection.createStatement()) {
            statement.execute(verb + table);
        }
    }

    /** The tenant's history rows of applied upgrades. */
    private int appliedSteps(String tenant) throws SQLException {
        String sql = "SELECT COUNT(*) FROM %s WHERE outcome = 'applied' AND direction = 'upgrade'";
        if (tenant.startsWith("p")) {
            return count(pg.connect(), sql.formatted(tenant + ".flotilla_history"));
        }
        if (tenant.startsWith("m")) {
            return count(my.connect(), sql.formatted("`" + fleet.database(tenant) + "`.flotilla_history"));
        }
        return count(DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/" + tenant + ".db")),
                sql.formatted("flotilla_history"));
    }

    private static int count(Connection connection, String sql) throws SQLException {
        try (connection; Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private void pg(String sql) throws SQLException {
        try (Connection connection = pg.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void my(String sql) throws SQLException {
        try (Connection connection = my.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
