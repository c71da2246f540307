package dev.flotilla.cli;

import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code flotilla status} on MariaDB, a database per tenant: a tenant in every state ({@link StatusFleet}).
 * Here the dirty tenant is real: DDL commits statement by statement, so the audit step's clash leaves it
 * dirty after its first statement.
 */
@DatabaseTest(DatabaseKind.MYSQL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusMariaDbTest {

    private static final String[] TENANTS = {"cur", "onebranch", "old", "empty", "future", "broken", "fresh"};

    private Path dir;
    private TestDatabase db;
    private Map<String, String> env;

    @BeforeAll
    void fleetInEveryState(TestDatabases databases, @TempDir Path folder) throws Exception {
        dir = folder;
        db = databases.createExtra(DatabaseKind.MYSQL);
        String template = db.jdbcUrl().replace("/" + db.name(), "/${tenant.database}");
        StatusFleet.write(dir, """
                  main:
                    url: %s
                    user: %s
                    password: ${env:MY_PASSWORD:-}
                  lost:
                    url: jdbc:mysql://127.0.0.1:1/${tenant.database}
                    user: app
                """.formatted(template, db.user()), StatusFleet.tenants(id -> ", database: " + db.name() + "_" + id));
        env = Map.of("USER", "tester", "MY_PASSWORD", db.password());
        TestCli cli = new TestCli(dir).env("USER", "tester").env("MY_PASSWORD", db.password());
        StatusFleet.build(cli, new StatusFleet.TenantSql() {
            @Override
            public void createPlace(String tenant) throws Exception {
                run(null, "CREATE DATABASE `" + db.name() + "_" + tenant + "`");
            }

            @Override
            public void execute(String tenant, String sql) throws Exception {
                run(db.name() + "_" + tenant, sql);
            }
        }, true);
    }

    @AfterAll
    void dropTenantDatabases() throws Exception {
        for (String tenant : TENANTS) {
            run(null, "DROP DATABASE IF EXISTS `" + db.name() + "_" + tenant + "`");
        }
    }

    private void run(String database, String sql) throws Exception {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            if (database != null) {
                statement.execute("USE `" + database + "`");
            }
            statement.execute(sql);
        }
    }

    @Test
    void everyStateIsReportedWithExactCountsInEveryFormat() throws Exception {
        StatusExpectations expectations = new StatusExpectations(StatusFleet.report(dir, env),
                "Table 'clash' already exists", "cannot read server 'lost' at jdbc:mysql://127.0.0.1:1/: Communications link failure");
        expectations.assertEveryFormat();
    }

    @Test
    void theDirtyTenantWasLeftDirtyByTheDatabaseItself() throws Exception {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT outcome, statements_done FROM `" + db.name()
                     + "_broken`.flotilla_history WHERE revision = '" + StatusFleet.AUDIT + "'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1) + " " + rows.getInt(2)).isEqualTo("dirty 1");
        }
    }
}
