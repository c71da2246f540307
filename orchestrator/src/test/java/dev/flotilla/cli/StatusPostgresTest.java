package dev.flotilla.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.cli.TestCli.Result;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code flotilla status} on PostgreSQL, a schema per tenant: a tenant in every state ({@link StatusFleet}),
 * one of them on a server at a closed port. PostgreSQL rolls a failed step back, so the dirty tenant's
 * history row is marked as MySQL would have left it.
 */
@DatabaseTest(DatabaseKind.POSTGRESQL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusPostgresTest {

    private static final String PASSWORD = "pw-never-printed-5Tz";

    private Path dir;
    private TestDatabase db;
    private TestCli cli;
    private Map<String, String> env;

    @BeforeAll
    void fleetInEveryState(TestDatabases databases, @TempDir Path folder) throws Exception {
        dir = folder;
        db = databases.createExtra(DatabaseKind.POSTGRESQL);
        String password = db.password().isEmpty() ? PASSWORD : db.password();
        StatusFleet.write(dir, """
                  main:
                    url: %s
                    user: %s
                    password: ${env:PG_PASSWORD}
                  lost:
                    url: jdbc:postgresql://127.0.0.1:1/app
                    user: app
                    password: ${env:PG_PASSWORD}
                """.formatted(db.jdbcUrl(), db.user()), StatusFleet.tenants(id -> ", schema: st_" + id));
        env = Map.of("USER", "tester", "PG_PASSWORD", password);
        cli = new TestCli(dir).env("USER", "tester").env("PG_PASSWORD", password);
        StatusFleet.build(cli, new StatusFleet.TenantSql() {
            @Override
            public void createPlace(String tenant) throws Exception {
                run(null, "CREATE SCHEMA st_" + tenant);
            }

            @Override
            public void execute(String tenant, String sql) throws Exception {
                run("st_" + tenant, sql);
            }
        }, false);
    }

    private void run(String schema, String sql) throws Exception {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            if (schema != null) {
                statement.execute("SET search_path TO " + schema);
            }
            statement.execute(sql);
        }
    }

    @Test
    void everyStateIsReportedWithExactCountsInEveryFormat() throws Exception {
        new StatusExpectations(StatusFleet.report(dir, env), "relation \"clash\" already exists",
                "cannot read server 'lost' at jdbc:postgresql://127.0.0.1:1/app: Connection to 127.0.0.1:1 refused.").assertEveryFormat();
    }

    @Test
    void aServerAtAClosedPortMakesItsTenantsUnreachableAndTheReportGoesOn() throws Exception {
        // The command waits for the pool's 10 s connection timeout: one run only.
        Result result = cli.run("status", "--format", "json", "--max-behind", "9");
        assertThat(result.exitCode()).isEqualTo(1);
        Map<?, ?> report = new ObjectMapper().readValue(result.out(), Map.class);
        assertThat(((Map<?, ?>) report.get("summary")).get("byState")).isEqualTo(Map.of("current", 1, "behind", 3,
                "ahead", 1, "dirty", 1, "uninitialized", 1, "unreachable", 1));
        Map<?, ?> gone = (Map<?, ?>) ((List<?>) report.get("tenants")).get(7);
        assertThat(gone.get("id")).isEqualTo("gone");
        assertThat(gone.get("state")).isEqualTo("unreachable");
        assertThat((String) gone.get("error")).startsWith("cannot read server 'lost' at jdbc:postgresql://127.0.0.1:1/app: Connection to 127.0.0.1:1 refused.");
        assertThat(result.err()).startsWith("error: --max-behind 9: 2 of 8 tenants fail:\n  broken: dirty: ")
                .contains("\n  gone: unreachable: cannot read server 'lost' at jdbc:postgresql://127.0.0.1:1/app: Connection to 127.0.0.1:1 refused.");
        assertThat(result.out() + result.err()).doesNotContain(env.get("PG_PASSWORD"));
    }
}
