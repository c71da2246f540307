package dev.flotilla.engine.dialect.postgresql;

import static dev.flotilla.engine.dialect.Queries.one;
import static dev.flotilla.engine.dialect.Queries.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.dialect.Dialect;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

@DatabaseTest(DatabaseKind.POSTGRESQL)
class PostgresCatalogTest {

    private final Dialect dialect = new PostgresDialect();

    @Test
    void versionAndHistoryTablesAreCreatedTwiceInAQuotedSchemaAndFoundByExactName(TestDatabase db) throws Exception {
        String schema = "Tenant \"A\"";
        String versions = "ver\"sion";
        try (Connection connection = db.connect()) {
            run(connection, "CREATE SCHEMA " + dialect.sql().quote(schema));
            for (int i = 0; i < 2; i++) {
                for (String statement : dialect.sql().createVersionTable(schema, versions)) {
                    run(connection, statement);
                }
                for (String statement : dialect.sql().createHistoryTable(schema, "history")) {
                    run(connection, statement);
                }
            }
            assertThat(dialect.catalog().tableExists(connection, schema, versions)).isTrue();
            assertThat(dialect.catalog().tableExists(connection, schema, "history")).isTrue();
            assertThat(dialect.catalog().tableExists(connection, schema, "VER\"SION")).isFalse();
            assertThat(dialect.catalog().tableExists(connection, "tenant \"a\"", versions)).isFalse();
            assertThat(one(connection, "SELECT conname FROM pg_constraint WHERE contype = 'p' "
                    + "AND conrelid = '\"Tenant \"\"A\"\"\".\"ver\"\"sion\"'::regclass")).isEqualTo("ver\"sion_pkc");
            // The history table's indexes: its primary key, which reads go by, and the partial index of its
            // unfinished rows, which a planning read measures instead of reading the table.
            assertThat(one(connection, "SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes "
                    + "WHERE schemaname = 'Tenant \"A\"' AND tablename = 'history'"))
                    .isEqualTo("history_pkey,history_unfinished");
        }
    }

    @Test
    void historyRowsGetTheirIdAndDefaults(TestDatabase db) throws Exception {
        try (Connection connection = db.connect()) {
            for (String statement : dialect.sql().createHistoryTable(null, "flotilla_history")) {
                run(connection, statement);
            }
            run(connection, "INSERT INTO flotilla_history (run_id, revision, direction, started_at, outcome, "
                    + "applied_by) VALUES ('r', 'ae1027a6acf', 'up', now(), 'running', 'ci')");
            assertThat(one(connection, "SELECT id || '/' || statements_done || '/' || statements_total "
                    + "FROM flotilla_history")).isEqualTo("1/0/0");
        }
    }

    @Test
    void unqualifiedNamesMeanTheCurrentSchema(TestDatabase db) throws Exception {
        try (Connection connection = db.connect()) {
            run(connection, "CREATE SCHEMA other", "CREATE TABLE other.t (a int)", "CREATE VIEW public.v AS SELECT 1 AS a");
            assertThat(dialect.catalog().currentSchema(connection)).isEqualTo("public");
            assertThat(dialect.catalog().tableExists(connection, null, "t")).isFalse();
            assertThat(dialect.catalog().tableExists(connection, null, "v")).as("a view is not a table").isFalse();
            run(connection, "SET search_path TO other");
            assertThat(dialect.catalog().currentSchema(connection)).isEqualTo("other");
            assertThat(dialect.catalog().tableExists(connection, null, "t")).isTrue();
        }
    }
}
