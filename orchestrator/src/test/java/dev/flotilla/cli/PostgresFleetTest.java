package dev.flotilla.cli;

import dev.flotilla.cli.TestCli.Result;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static dev.flotilla.cli.SampleProject.R3;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema-per-tenant on PostgreSQL: two tenants through one pool of one connection, a script that leaves
 * search_path on public, a schema name that needs quoting; nothing lands outside its tenant, and the
 * password is never printed.
 */
@DatabaseTest(DatabaseKind.POSTGRESQL)
class PostgresFleetTest {

    private static final String R4 = "e1e2e3e4e5e6";
    private static final String ODD_SCHEMA = "Tenant \"B\"; DROP SCHEMA public";

    @TempDir
    Path dir;

    private TestDatabase db;
    private TestCli cli;
    private String password;
    private final List<Result> results = new ArrayList<>();

    @BeforeEach
    void fleetOnOneServer(TestDatabases databases) throws Exception {
        db = databases.createExtra(DatabaseKind.POSTGRESQL);
        // With trust authentication any password is accepted; it must still never be printed.
        password = db.password().isEmpty() ? "pw-never-printed-7Qx" : db.password();
        new SampleProject(dir).create();
        new SampleProject(dir).write(R4, R3, "marker then search_path",
                "CREATE TABLE marker (id INTEGER);\nSET search_path TO public;\n", "DROP TABLE marker;\n");
        Files.writeString(dir.resolve("flotilla.yaml"), """
                scripts: migrations
                servers:
                  pg:
                    url: %s
                    user: %s
                    password: ${env:PG_PASSWORD}
                    pool_size: 1
                registry:
                  file: tenants.yaml
                """.formatted(db.jdbcUrl(), db.user()));
        Files.writeString(dir.resolve("tenants.yaml"), """
                tenants:
                  - {id: a, server: pg, schema: tenant_a}
                  - {id: b, server: pg, schema: "Tenant \\"B\\"; DROP SCHEMA public"}
                """);
        cli = new TestCli(dir).env("USER", "tester").env("PG_PASSWORD", password);
    }

    private Result run(String... args) {
        Result result = cli.run(args);
        results.add(result);
        return result;
    }

    @Test
    void twoTenantsThroughOnePoolStayInTheirSchemas() throws Exception {
        Result provision = run("provision", "a");
        assertThat(provision.exitCode()).isZero();
        assertThat(provision.out()).isEqualTo("a: Provisioned <base> -> " + R4 + " (4 steps, 0 ms).\n");
        assertThat(run("provision", "b").out()).isEqualTo("b: Provisioned <base> -> " + R4 + " (4 steps, 0 ms).\n");
        Result again = run("provision", "b");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).isEqualTo("b: Nothing to do: at " + R4 + ".\n");

        Result down = run("downgrade", "--all", R3);
        assertThat(down.exitCode()).isZero();
        assertThat(TestCli.beforeSummary(down.out())).isEqualTo("a: Downgraded " + R4 + " -> " + R3 + " (1 step, 0 ms).\n"
                + "b: Downgraded " + R4 + " -> " + R3 + " (1 step, 0 ms).\n");
        Result up = run("upgrade", "--all", "-v");
        assertThat(up.exitCode()).isZero();
        assertThat(TestCli.beforeSummary(up.out())).isEqualTo("a: Running upgrade " + R3 + " -> " + R4 + ", marker then search_path\n"
                + "a: Upgraded " + R3 + " -> " + R4 + " (1 step, 0 ms).\n"
                + "b: Running upgrade " + R3 + " -> " + R4 + ", marker then search_path\n"
                + "b: Upgraded " + R3 + " -> " + R4 + " (1 step, 0 ms).\n");
        Result current = run("current");
        assertThat(current.out()).isEqualTo("a: " + R4 + " (head)\nb: " + R4 + " (head)\n");

        List<String> expected = List.of("account", "flotilla_history", "flotilla_version", "marker", "project");
        assertThat(tables("tenant_a")).isEqualTo(expected);
        assertThat(tables(ODD_SCHEMA)).isEqualTo(expected);
        assertThat(tables("public")).isEmpty();
        assertThat(schemas()).containsExactlyInAnyOrder("public", "tenant_a", ODD_SCHEMA);

        Result list = run("tenants", "show", "b");
        assertThat(list.out()).contains("schema:    " + ODD_SCHEMA + "\n");
        assertNoPasswordAnywhere();
    }

    @Test
    void aTenantWhoseSchemaIsNotThereYetIsUninitializedAsStatusSaysIt() throws Exception {
        assertThat(run("provision", "a").exitCode()).isZero();

        Result current = run("current");
        assertThat(current.exitCode()).isZero();
        assertThat(current.out()).isEqualTo("a: " + R4 + " (head)\nb: (uninitialized: no version table flotilla_version)\n");
        Result history = run("history", "--tenant", "b");
        assertThat(history.exitCode()).isZero();
        assertThat(history.out()).endsWith("History of tenant 'b' (oldest first):\n(no history rows)\n");
        Result upgrade = run("upgrade", "--tenant", "b");
        assertThat(upgrade.exitCode()).isEqualTo(1);
        assertThat(upgrade.out() + upgrade.err()).contains("Schema \"" + ODD_SCHEMA + "\" does not exist")
                .contains("[SQLSTATE 3F000]; 'flotilla provision b' creates it and upgrades it to heads");
        assertThat(schemas()).containsExactlyInAnyOrder("public", "tenant_a");
        assertNoPasswordAnywhere();
    }

    @Test
    void aStepAfterAScriptThatMovedSearchPathStaysInTheTenant() throws Exception {
        new SampleProject(dir).write("f1f2f3f4f5f6", R4, "after the switch",
                "CREATE TABLE after_switch (id INTEGER);\n", "DROP TABLE after_switch;\n");
        assertThat(run("provision", "a").out()).isEqualTo("a: Provisioned <base> -> f1f2f3f4f5f6 (5 steps, 0 ms).\n");
        assertThat(tables("tenant_a")).contains("after_switch", "marker");
        assertThat(tables("public")).isEmpty();
    }

    @Test
    void theConfigsLockTimeoutBoundsEachWaitOnABusyTable() throws Exception {
        assertThat(run("provision", "a").exitCode()).isZero();
        new SampleProject(dir).write("f5f5f5f5f5f5", R4, "marker column", "ALTER TABLE marker ADD COLUMN note TEXT;\n",
                "ALTER TABLE marker DROP COLUMN note;\n");
        Files.writeString(dir.resolve("flotilla.yaml"), Files.readString(dir.resolve("flotilla.yaml"))
                + "defaults:\n  lock_timeout: 300ms\n  retry: {attempts: 3, backoff: 100ms}\n");
        try (Connection holder = db.connect(); java.sql.Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            statement.execute("LOCK TABLE tenant_a.marker IN ACCESS EXCLUSIVE MODE");
            long start = System.nanoTime();
            Result result = run("upgrade", "--tenant", "a");
            java.time.Duration took = java.time.Duration.ofNanos(System.nanoTime() - start);

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains("canceling statement due to lock timeout");
            // three attempts of 0.3 s and two waits of at most 0.15 s and 0.3 s; the engine's 10 s would take 30 s
            assertThat(took).isLessThan(java.time.Duration.ofSeconds(8));
            holder.rollback();
        }
    }

    @Test
    void aWrongPasswordFailsTheTenantWithoutPrintingIt() {
        // With trust authentication no password is wrong: reported as skipped, not passed.
        org.junit.jupiter.api.Assumptions.assumeFalse(db.password().isEmpty(), "the test server trusts every password");
        cli.env("PG_PASSWORD", "wrong-" + password);
        Result result = run("current", "--tenant", "a");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("a: failed\n");
        assertThat(result.err()).startsWith("error: tenant 'a': cannot connect to ");
        assertNoPasswordAnywhere();
        assertThat(result.err()).doesNotContain("wrong-" + password);
    }

    private void assertNoPasswordAnywhere() {
        for (Result result : results) {
            assertThat(result.out() + result.err()).doesNotContain(password);
        }
    }

    private List<String> tables(String schema) throws Exception {
        return column("SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name", schema);
    }

    private List<String> schemas() throws Exception {
        return column("SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> ?"
                + " ORDER BY nspname", "information_schema");
    }

    private List<String> column(String sql, String parameter) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = db.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }
}
