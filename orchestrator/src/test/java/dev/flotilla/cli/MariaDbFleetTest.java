package dev.flotilla.cli;

import dev.flotilla.cli.TestCli.Result;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static dev.flotilla.cli.SampleProject.R3;
import static org.assertj.core.api.Assertions.assertThat;

/** Database-per-tenant on MariaDB: provision creates each tenant's database, upgrades stay in it. */
@DatabaseTest(DatabaseKind.MYSQL)
class MariaDbFleetTest {

    @TempDir
    Path dir;

    private TestDatabase db;
    private TestCli cli;
    private String first;
    private String second;

    @BeforeEach
    void fleetOnOneServer(TestDatabases databases) throws Exception {
        db = databases.createExtra(DatabaseKind.MYSQL);
        first = db.name() + "_a";
        second = db.name() + "_b";
        new SampleProject(dir).create();
        String template = db.jdbcUrl().replace("/" + db.name(), "/${tenant.database}");
        Files.writeString(dir.resolve("flotilla.yaml"), """
                scripts: migrations
                servers:
                  my:
                    url: %s
                    user: %s
                    password: ${env:MY_PASSWORD:-}
                registry:
                  file: tenants.yaml
                """.formatted(template, db.user()));
        Files.writeString(dir.resolve("tenants.yaml"), "tenants:\n  - {id: a, server: my, database: " + first + "}\n"
                + "  - {id: b, server: my, database: " + second + "}\n");
        cli = new TestCli(dir).env("USER", "tester").env("MY_PASSWORD", db.password());
    }

    @AfterEach
    void dropTenantDatabases() throws Exception {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + first + "`");
            statement.execute("DROP DATABASE IF EXISTS `" + second + "`");
        }
    }

    @Test
    void provisionCreatesEachDatabaseAndTheTenantsStayApart() throws Exception {
        assertThat(cli.ok("provision", "a")).isEqualTo("a: Provisioned <base> -> " + R3 + " (3 steps, 0 ms).\n");
        assertThat(cli.ok("provision", "a")).isEqualTo("a: Nothing to do: at " + R3 + ".\n");
        Result stamp = cli.run("stamp", "--tenant", "b", "heads");
        assertThat(stamp.exitCode()).isEqualTo(1); // b's database does not exist yet
        assertThat(TestCli.beforeSummary(stamp.out())).isEqualTo("b: failed\n");
        assertThat(stamp.err()).startsWith("error: tenant 'b': cannot connect to ")
                .contains("Unknown database '" + second + "' [SQLSTATE 42000]; 'flotilla provision b' creates it"
                        + " and upgrades it to heads");
        assertThat(cli.ok("provision", "b")).isEqualTo("b: Provisioned <base> -> " + R3 + " (3 steps, 0 ms).\n");
        assertThat(cli.tenantLines("downgrade", "--tenant", "a", "base")).isEqualTo("a: Downgraded " + R3 + " -> <base> (3 steps, 0 ms).\n");
        assertThat(cli.ok("current")).isEqualTo("a: <base>\nb: " + R3 + " (head)\n");
        assertThat(tables(first)).containsExactly("flotilla_history", "flotilla_version");
        assertThat(tables(second)).containsExactly("account", "flotilla_history", "flotilla_version", "project");
        assertThat(tables(db.name())).isEmpty();
        if (!db.password().isEmpty()) {
            assertThat(stamp.out() + stamp.err()).doesNotContain(db.password());
        }
    }

    @Test
    void aTenantWhoseDatabaseIsNotThereYetIsUninitializedAsStatusSaysIt() throws Exception {
        assertThat(cli.ok("provision", "a")).isEqualTo("a: Provisioned <base> -> " + R3 + " (3 steps, 0 ms).\n");

        assertThat(cli.ok("current")).isEqualTo("a: " + R3 + " (head)\nb: (uninitialized: no version table flotilla_version)\n");
        assertThat(cli.ok("history", "--tenant", "b"))
                .endsWith("History of tenant 'b' (oldest first):\n(no history rows)\n");
        assertThat(cli.ok("status", "--format", "csv")).contains("\nb,my,uninitialized,");
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '"
                     + second + "'")) {
            rows.next();
            assertThat(rows.getInt(1)).as("looking creates nothing").isZero();
        }
    }

    @Test
    void aScriptThatSwitchesDatabasesLastDoesNotMoveTheNextTenant() throws Exception {
        new SampleProject(dir).write("e1e2e3e4e5e6", R3, "marker then use",
                "CREATE TABLE marker (id INTEGER);\nUSE `" + db.name() + "`;\n", "DROP TABLE marker;\n");
        assertThat(cli.ok("provision", "a")).isEqualTo("a: Provisioned <base> -> e1e2e3e4e5e6 (4 steps, 0 ms).\n");
        assertThat(cli.ok("provision", "b")).isEqualTo("b: Provisioned <base> -> e1e2e3e4e5e6 (4 steps, 0 ms).\n");
        List<String> expected = List.of("account", "flotilla_history", "flotilla_version", "marker", "project");
        assertThat(tables(first)).isEqualTo(expected);
        assertThat(tables(second)).isEqualTo(expected);
        assertThat(tables(db.name())).isEmpty();
    }

    @Test
    void aScriptThatSwitchesDatabasesDoesNotMoveTheNextStep() throws Exception {
        new SampleProject(dir).write("e1e2e3e4e5e6", R3, "marker then use",
                "CREATE TABLE marker (id INTEGER);\nUSE `" + db.name() + "`;\n", "DROP TABLE marker;\n");
        new SampleProject(dir).write("f1f2f3f4f5f6", "e1e2e3e4e5e6", "after the switch",
                "CREATE TABLE after_switch (id INTEGER);\n", "DROP TABLE after_switch;\n");
        assertThat(cli.ok("provision", "a")).isEqualTo("a: Provisioned <base> -> f1f2f3f4f5f6 (5 steps, 0 ms).\n");
        assertThat(cli.ok("provision", "b")).isEqualTo("b: Provisioned <base> -> f1f2f3f4f5f6 (5 steps, 0 ms).\n");
        List<String> expected = List.of("account", "after_switch", "flotilla_history", "flotilla_version", "marker", "project");
        assertThat(tables(first)).isEqualTo(expected);
        assertThat(tables(second)).isEqualTo(expected);
        assertThat(tables(db.name())).isEmpty();
    }

    @Test
    void aDirtyTenantIsRepairedByItsIdAndOnlyIt() throws Exception {
        String e1 = "e1e2e3e4e5e6";
        cli.ok("provision", "a");
        cli.ok("provision", "b");
        new SampleProject(dir).write(e1, R3, "half a step", "CREATE TABLE marker (id INTEGER);\nINSERT INTO nowhere VALUES (1);\n",
                "DROP TABLE marker;\n");
        assertThat(cli.run("upgrade", "--tenant", "a").exitCode()).isEqualTo(1);
        Result refused = cli.run("upgrade", "--tenant", "a");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("tenant 'a' is dirty: the upgrade of revision " + e1
                + " failed after statement 1 of 2 completed").contains("run 'repair --tenant a --resume'");

        // The person fixes the file's second statement; the first, already run, is unchanged.
        new SampleProject(dir).write(e1, R3, "half a step", "CREATE TABLE marker (id INTEGER);\nCREATE TABLE fixed (id INTEGER);\n",
                "DROP TABLE fixed;\nDROP TABLE marker;\n");
        assertThat(cli.ok("repair", "--tenant", "a", "--resume"))
                .isEqualTo("Running upgrade " + R3 + " -> " + e1 + ", half a step\n"
                        + "Repaired tenant 'a' (resume): " + R3 + " -> " + e1 + ".\n");

        assertThat(cli.ok("current")).isEqualTo("a: " + e1 + " (head)\nb: " + R3 + "\n");
        assertThat(tables(first)).containsExactly("account", "fixed", "flotilla_history", "flotilla_version", "marker",
                "project");
        Result notDirty = cli.run("repair", "--tenant", "b", "--mark-applied");
        assertThat(notDirty.exitCode()).isEqualTo(2);
        assertThat(notDirty.err()).contains("is not dirty: there is nothing to repair");
        Result both = cli.run("repair", "--tenant", "a", "--url", db.jdbcUrl(), "--mark-applied");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--url names one database and --tenant one tenant of the config");
        Result unknown = cli.run("repair", "--tenant", "zzz", "--mark-applied");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("zzz");
    }

    private List<String> tables(String database) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = db.connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name")) {
            statement.setString(1, database);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }
}
