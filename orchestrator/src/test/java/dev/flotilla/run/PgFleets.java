package dev.flotilla.run;

import dev.flotilla.testkit.TestDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Fleets on a PostgreSQL test database: the server block {@code pg} that reaches it, tenants in schemas made
 * on it, and the SQL the tests run on it directly. Every call opens and closes its own connection.
 */
final class PgFleets {

    private PgFleets() {
    }

    /**
     * A fleet in {@code dir} whose server {@code pg} is the test database, its password read from
     * {@code PG_PASSWORD}; {@code extraLines} go at the end of that server's block.
     */
    static TestFleet fleet(Path dir, TestDatabase pg, String... extraLines) {
        String[] lines = new String[3 + extraLines.length];
        lines[0] = "url: " + pg.jdbcUrl();
        lines[1] = "user: " + pg.user();
        lines[2] = "password: ${env:PG_PASSWORD:-}";
        System.arraycopy(extraLines, 0, lines, 3, extraLines.length);
        return new TestFleet(dir).server("pg", lines).env("PG_PASSWORD", pg.password());
    }

    /** Adds a tenant on {@code server} per schema, each named as its schema, and creates the schemas in {@code pg}. */
    static TestFleet schemaTenants(TestFleet fleet, String server, TestDatabase pg, List<String> schemas)
            throws SQLException {
        schemas.forEach(schema -> fleet.tenant("{id: %1$s, server: %2$s, schema: %1$s}".formatted(schema, server)));
        execute(pg, schemas.stream().map(schema -> "CREATE SCHEMA " + schema + ";").collect(Collectors.joining()));
        return fleet;
    }

    /** {@code prefix001}… {@code prefix<count>}. */
    static List<String> names(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + "%03d".formatted(i)).toList();
    }

    static void execute(TestDatabase pg, String sql) throws SQLException {
        try (Connection connection = pg.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The first column of the first row {@code sql} returns, as an int. */
    static int count(TestDatabase pg, String sql) throws SQLException {
        try (Connection connection = pg.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
