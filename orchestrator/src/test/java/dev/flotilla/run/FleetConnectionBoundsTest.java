package dev.flotilla.run;

import dev.flotilla.Flotilla;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static dev.flotilla.cli.SampleProject.R3;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mixed fleet (1,000 PostgreSQL schemas, 30 MariaDB databases, 10 SQLite files) in one run, with a
 * conflicting table planted in a few tenants of each kind: exactly those fail, once, every other tenant
 * reaches head, and neither server ever sees more connections from Flotilla than its per-server limit
 * plus one, sampled from pg_stat_activity and information_schema.processlist while the run goes.
 */
@DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MYSQL})
class FleetConnectionBoundsTest {

    private static final int SCHEMAS = 1_000;
    private static final int DATABASES = 30;
    private static final int FILES = 10;

    @TempDir
    Path dir;

    private TestDatabase mysql;
    private final List<String> databases = new ArrayList<>();

    @AfterEach
    void dropTenantDatabases() throws Exception {
        try (Connection connection = mysql.connect(); Statement statement = connection.createStatement()) {
            for (String database : databases) {
                statement.execute("DROP DATABASE IF EXISTS `" + database + "`");
            }
        }
    }

    @Test
    void exactlyThePlantedConflictsFailAndTheFleetStaysWithinEachServersConnectionLimit(TestDatabases servers) throws Exception {
        TestDatabase pg = servers.createExtra(DatabaseKind.POSTGRESQL);
        mysql = servers.createExtra(DatabaseKind.MYSQL);
        TestFleet fleet = new TestFleet(dir)
                .server("pg", "url: " + pg.jdbcUrl(), "user: " + pg.user(), "password: ${env:PG_PASSWORD:-}",
                        "max_concurrency: 3")
                .server("my", "url: " + mysql.jdbcUrl().replace("/" + mysql.name(), "/${tenant.database}"),
                        "user: " + mysql.user(), "password: ${env:MY_PASSWORD:-}", "max_concurrency: 1")
                .server("files", "url: jdbc:sqlite:data/${tenant.id}.db")
                .env("PG_PASSWORD", pg.password()).env("MY_PASSWORD", mysql.password());
        StringBuilder schemas = new StringBuilder();
        for (int i = 1; i <= SCHEMAS; i++) {
            fleet.tenant("{id: p%04d, server: pg, schema: p%04d}".formatted(i, i));
            schemas.append("CREATE SCHEMA p%04d;".formatted(i));
        }
        try (Connection connection = pg.connect(); Statement statement = connection.createStatement()) {
            statement.execute(schemas.toString());
            statement.execute("CREATE TABLE p0007.account (id INTEGER); CREATE TABLE p0500.account (id INTEGER);"
                    + " CREATE TABLE p0999.account (id INTEGER)");
        }
        try (Connection connection = mysql.connect(); Statement statement = connection.createStatement()) {
            for (int i = 1; i <= DATABASES; i++) {
                String database = mysql.name() + "_m" + i;
                databases.add(database);
                statement.execute("CREATE DATABASE `" + database + "`");
                if (i == 4 || i == 20) {
                    statement.execute("CREATE TABLE `" + database + "`.account (id INTEGER)");
                }
                fleet.tenant("{id: m%02d, server: my, database: %s}".formatted(i, database));
            }
        }
        for (int i = 1; i <= FILES; i++) {
            fleet.tenant("{id: s%02d, server: files}".formatted(i));
        }
        java.nio.file.Files.createDirectories(dir.resolve("data"));
        try (Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/s03.db"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE account (id INTEGER)");
        }
        RunSummary summary;
        try (Flotilla flotilla = fleet.open();
             // Every connection of the run's: the survey's ("flotilla-survey") and the tenants' ("flotilla").
             ConnectionSampler pgConnections = ConnectionSampler.start(pg.connect(),
                     "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name LIKE 'flotilla%' AND datname = '"
                             + pg.name() + "'");
             // MariaDB names no client: the tenants' connections are on their databases, the survey's on none.
             ConnectionSampler myConnections = ConnectionSampler.start(mysql.connect(),
                     "SELECT COUNT(*) FROM information_schema.processlist WHERE id <> CONNECTION_ID() AND user = '"
                             + mysql.user() + "' AND (db LIKE '" + mysql.name() + "\\_m%' OR db IS NULL)")) {
            RunSettings settings = RunSettings.defaults().withConcurrency(6, 2);
            summary = new FleetRun(flotilla, settings, RunListener.NONE).run(FleetCommand.upgrade("heads"),
                    flotilla.registry().tenants());
            assertThat(flotilla.connections().activeConnections()).isZero();
            assertThat(pgConnections.samples()).isGreaterThan(20);
            assertThat(myConnections.samples()).isGreaterThan(20);
            // PostgreSQL: --per-server 2 below its max_concurrency 3; MariaDB: its max_concurrency 1 below
            // --per-server 2; each plus one
            assertThat(pgConnections.highest()).isBetween(2, 3);
            assertThat(myConnections.highest()).isBetween(1, 2);
        }
        List<TenantResult> failed = summary.results().stream().filter(result -> result.outcome() == Outcome.FAILED).toList();
        assertThat(failed).extracting(TenantResult::tenant).containsExactly("p0007", "p0500", "p0999", "m04", "m20", "s03");
        assertThat(failed).allSatisfy(result -> {
            assertThat(result.attempts()).isEqualTo(1);
            assertThat(result.to()).isEmpty();
        });
        assertThat(summary.count(Outcome.MIGRATED)).isEqualTo(SCHEMAS + DATABASES + FILES - 6);
        assertThat(summary.results()).filteredOn(result -> result.outcome() == Outcome.MIGRATED)
                .allSatisfy(result -> assertThat(result.to()).containsExactly(R3));
    }
}
