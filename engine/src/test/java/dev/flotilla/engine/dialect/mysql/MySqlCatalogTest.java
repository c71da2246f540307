package dev.flotilla.engine.dialect.mysql;

import static dev.flotilla.engine.dialect.Queries.one;
import static dev.flotilla.engine.dialect.Queries.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.dialect.Dialect;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

@DatabaseTest(DatabaseKind.MYSQL)
class MySqlCatalogTest {

    private final Dialect dialect = new MySqlDialect();

    @Test
    void versionAndHistoryTablesAreCreatedTwiceAndFoundByExactName(TestDatabases databases) throws Exception {
        TestDatabase db = databases.get(DatabaseKind.MYSQL);
        TestDatabase tenant = databases.createExtra(DatabaseKind.MYSQL);
        String versions = "ver`sion\"";
        try (Connection connection = db.connect()) {
            for (int i = 0; i < 2; i++) {
                for (String statement : dialect.sql().createVersionTable(tenant.name(), versions)) {
                    run(connection, statement);
                }
                for (String statement : dialect.sql().createHistoryTable(tenant.name(), "history")) {
                    run(connection, statement);
                }
            }
            assertThat(dialect.catalog().tableExists(connection, tenant.name(), versions)).isTrue();
            assertThat(dialect.catalog().tableExists(connection, tenant.name(), "history")).isTrue();
            assertThat(dialect.catalog().tableExists(connection, tenant.name(), "HISTORY")).isFalse();
            assertThat(dialect.catalog().tableExists(connection, null, "history")).as("db is current").isFalse();
            assertThat(one(connection, "SELECT engine FROM information_schema.tables WHERE table_schema = '"
                    + tenant.name() + "' AND table_name = 'history'")).isEqualTo("InnoDB");
            run(connection, "INSERT INTO " + dialect.sql().table(tenant.name(), "history") + " (run_id, revision, "
                    + "direction, started_at, outcome, applied_by) VALUES ('r', 'ae1027a6acf', 'up', NOW(6), 'running', 'ci')");
            assertThat(one(connection, "SELECT CONCAT(id, '/', statements_done, '/', statements_total) FROM "
                    + dialect.sql().table(tenant.name(), "history"))).isEqualTo("1/0/0");
        }
    }

    @Test
    void currentSchemaIsTheCurrentDatabase(TestDatabase db) throws Exception {
        try (Connection connection = db.connect()) {
            run(connection, "CREATE TABLE t (a int)", "CREATE VIEW v AS SELECT 1 AS a");
            assertThat(dialect.catalog().currentSchema(connection)).isEqualTo(db.name());
            assertThat(dialect.catalog().tableExists(connection, null, "t")).isTrue();
            assertThat(dialect.catalog().tableExists(connection, null, "v")).as("a view is not a table").isFalse();
        }
    }
}
