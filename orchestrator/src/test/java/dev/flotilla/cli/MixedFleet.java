package dev.flotilla.cli;

import dev.flotilla.testkit.TestDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A mixed fleet in a project directory: PostgreSQL schemas {@code p01…} on server {@code pg}, MariaDB databases
 * {@code m01…} on server {@code my} (each named {@link #database(String)}), and optionally SQLite files
 * {@code s01…} on server {@code files} under {@code data/}. Ids are zero-padded to two digits, or more when the
 * count needs them, so they sort in registry order.
 *
 * <p>Construct it in a test's set-up, then {@link #create()}; call {@link #dropDatabases()} after each test
 * (it drops every tenant database that exists, so it is safe after a set-up that failed part-way). The
 * project's scripts are the test's own. Not thread-safe; one per test.
 */
final class MixedFleet {

    private final Path dir;
    private final TestDatabase pg;
    private final TestDatabase my;
    private final List<String> pgTenants;
    private final List<String> myTenants;
    private final List<String> fileTenants;

    MixedFleet(Path dir, TestDatabase pg, TestDatabase my, int schemas, int databases, int files) {
        this.dir = dir;
        this.pg = pg;
        this.my = my;
        this.pgTenants = ids("p", schemas);
        this.myTenants = ids("m", databases);
        this.fileTenants = ids("s", files);
    }

    /**
     * Creates the schemas and the databases, writes {@code tenants.yaml} (PostgreSQL tenants, then MariaDB, then
     * SQLite) and {@code flotilla.yaml} (scripts in {@code migrations}, passwords from {@code PG_PASSWORD} and
     * {@code MY_PASSWORD}), and the {@code data/} directory when there are SQLite tenants.
     */
    void create() throws SQLException, IOException {
        StringBuilder registry = new StringBuilder("tenants:\n");
        StringBuilder schemas = new StringBuilder();
        for (String id : pgTenants) {
            registry.append("  - {id: %s, server: pg, schema: %s}\n".formatted(id, id));
            schemas.append("CREATE SCHEMA ").append(id).append(';');
        }
        execute(pg, schemas.toString());
        try (Connection connection = my.connect(); Statement statement = connection.createStatement()) {
            for (String id : myTenants) {
                statement.execute("CREATE DATABASE `" + database(id) + "`");
                registry.append("  - {id: %s, server: my, database: %s}\n".formatted(id, database(id)));
            }
        }
        for (String id : fileTenants) {
            registry.append("  - {id: %s, server: files}\n".formatted(id));
        }
        Files.writeString(dir.resolve("tenants.yaml"), registry);
        String filesServer = fileTenants.isEmpty() ? "" : "  files:\n    url: jdbc:sqlite:data/${tenant.id}.db\n";
        Files.writeString(dir.resolve("flotilla.yaml"), """
                scripts: migrations
                servers:
                  pg:
                    url: %s
                    user: %s
                    password: ${env:PG_PASSWORD:-}
                  my:
                    url: %s
                    user: %s
                    password: ${env:MY_PASSWORD:-}
                %sregistry:
                  file: tenants.yaml
                """.formatted(pg.jdbcUrl(), pg.user(), my.jdbcUrl().replace("/" + my.name(), "/${tenant.database}"),
                my.user(), filesServer));
        if (!fileTenants.isEmpty()) {
            Files.createDirectories(dir.resolve("data"));
        }
    }

    /** Drops every MariaDB tenant database that exists. */
    void dropDatabases() throws SQLException {
        try (Connection connection = my.connect(); Statement statement = connection.createStatement()) {
            for (String id : myTenants) {
                statement.execute("DROP DATABASE IF EXISTS `" + database(id) + "`");
            }
        }
    }

    List<String> pgTenants() {
        return pgTenants;
    }

    List<String> myTenants() {
        return myTenants;
    }

    /** Every tenant in registry order. */
    List<String> tenants() {
        return Stream.of(pgTenants, myTenants, fileTenants).flatMap(List::stream).toList();
    }

    /** The MariaDB database of tenant {@code id}. */
    String database(String id) {
        return my.name() + "_" + id;
    }

    private static List<String> ids(String prefix, int count) {
        String format = prefix + "%0" + Math.max(2, String.valueOf(count).length()) + "d";
        return IntStream.rangeClosed(1, count).mapToObj(format::formatted).toList();
    }

    private static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
