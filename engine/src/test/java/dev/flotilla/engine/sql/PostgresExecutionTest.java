package dev.flotilla.engine.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the splitter makes of PostgreSQL scripts runs on a real server, one statement per JDBC call. */
@DatabaseTest(DatabaseKind.POSTGRESQL)
class PostgresExecutionTest {

    private TestDatabase db;

    @BeforeEach
    void freshDatabaseOnPostgresql14OrLater(TestDatabases databases) throws Exception {
        db = databases.createExtra(DatabaseKind.POSTGRESQL);
        try (Connection connection = db.connect()) {
            int version = Integer.parseInt(StatementRunner.single(connection, "SHOW server_version_num"));
            Assumptions.assumeTrue(version >= 140000,
                    "SQL-standard function bodies need PostgreSQL 14 or later; the test server is " + version);
        }
    }

    @Test
    void kestraInitialMigrationCreatesItsTypesFunctionsTablesAndTrigger() throws Exception {
        Path corpus = CorpusFiles.locate();
        Assumptions.assumeTrue(corpus != null, "no SQL corpus beside the repository");
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false); // as Flyway runs it: one transaction
            int statements = StatementRunner.runFile(connection,
                    corpus.resolve("kestra/migrations/postgres/V1_1__initial.sql"), SqlDialect.POSTGRESQL);
            connection.commit();
            connection.setAutoCommit(true);

            assertThat(statements).isEqualTo(97);
            assertThat(StatementRunner.column(connection, "SELECT typname FROM pg_type t JOIN pg_namespace n "
                    + "ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e' ORDER BY 1"))
                    .containsExactly("log_level", "queue_type", "state_type"); // queue_consumers is dropped at line 325
            assertThat(StatementRunner.column(connection, "SELECT proname FROM pg_proc p JOIN pg_namespace n "
                    + "ON n.oid = p.pronamespace WHERE n.nspname = 'public' ORDER BY 1"))
                    .containsExactly("fulltext_index", "fulltext_replace", "fulltext_search", "loglevel_fromtext",
                            "parse_iso8601_datetime", "parse_iso8601_duration", "parse_iso8601_timestamp",
                            "state_fromtext", "update_updated_datetime");
            assertThat(StatementRunner.column(connection, "SELECT tablename FROM pg_tables "
                    + "WHERE schemaname = 'public' ORDER BY 1"))
                    .containsExactly("executions", "executordelayed", "executorstate", "flow_topologies", "flows",
                            "logs", "metrics", "multipleconditions", "queues", "settings", "templates", "triggers",
                            "workertaskexecutions");
            assertThat(StatementRunner.column(connection, "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"))
                    .containsExactly("queues_updated");
            assertThat(StatementRunner.single(connection, "SELECT PARSE_ISO8601_DURATION('PT1M30S')"))
                    .isEqualTo("00:01:30");
        }
    }

    @Test
    void beginAtomicBodiesWithCaseRunAsOneStatementEach() throws Exception {
        String script = String.join("\n",
                "CREATE TABLE graded (score int, grade text);",
                "CREATE FUNCTION grade(score int) RETURNS text",
                "LANGUAGE sql",
                "BEGIN ATOMIC",
                "  SELECT CASE WHEN score >= 50 THEN 'pass' ELSE 'fail' END;",
                "END;",
                "CREATE PROCEDURE record(s int)",
                "LANGUAGE sql",
                "BEGIN ATOMIC",
                "  INSERT INTO graded VALUES (s, grade(s));",
                "  INSERT INTO graded VALUES (s + 1, CASE s WHEN 49 THEN 'edge; case' END);",
                "END;",
                "CALL record(49);");
        try (Connection connection = db.connect()) {
            assertThat(StatementRunner.run(connection, "atomic.sql", script, SqlDialect.POSTGRESQL)).isEqualTo(4);
            assertThat(StatementRunner.column(connection, "SELECT score || ':' || grade FROM graded ORDER BY score"))
                    .containsExactly("49:fail", "50:edge; case");
        }
    }

    @Test
    void ruleActionsInParenthesesRunAsOneStatement() throws Exception {
        String script = String.join("\n",
                "CREATE TABLE items (id int PRIMARY KEY, gone boolean DEFAULT false);",
                "CREATE TABLE removals (id int);",
                "CREATE RULE keep AS ON DELETE TO items DO INSTEAD (",
                "  UPDATE items SET gone = true WHERE id = OLD.id;",
                "  INSERT INTO removals VALUES (OLD.id)",
                ");",
                "INSERT INTO items (id) VALUES (1), (2);",
                "DELETE FROM items WHERE id = 2;");
        try (Connection connection = db.connect()) {
            assertThat(StatementRunner.run(connection, "rule.sql", script, SqlDialect.POSTGRESQL)).isEqualTo(5);
            assertThat(StatementRunner.column(connection, "SELECT id || ':' || gone FROM items ORDER BY id"))
                    .containsExactly("1:false", "2:true");
            assertThat(StatementRunner.column(connection, "SELECT id FROM removals")).containsExactly("2");
        }
    }
}
