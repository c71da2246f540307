package dev.flotilla.engine.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the splitter makes of MySQL/MariaDB scripts runs on a real server, one statement per JDBC call:
 * DELIMITER sections, and routine and trigger bodies written without a DELIMITER change.
 */
@DatabaseTest(DatabaseKind.MYSQL)
class MySqlExecutionTest {

    private TestDatabase db;

    @BeforeEach
    void freshDatabase(TestDatabases databases) {
        db = databases.createExtra(DatabaseKind.MYSQL);
    }

    /**
     * Only the functions: the rest of kestra's file uses a bare {@code offset} column and {@code ->>},
     * which MariaDB rejects (see {@code shared/corpus/kestra/SOURCE.md}), whatever the splitting.
     */
    @Test
    void kestraInitialDelimiterFunctionsAreCreatedWholeAndWork() throws Exception {
        Path corpus = corpus();
        List<SqlStatement> functions = StatementSplitter.split(
                        Files.readString(corpus.resolve("kestra/migrations/mysql/V1_1__initial.sql")), SqlDialect.MYSQL)
                .stream().filter(s -> s.text().startsWith("CREATE FUNCTION")).toList();
        assertThat(functions).extracting(SqlStatement::line).containsExactly(2, 24);
        try (Connection connection = db.connect()) {
            for (SqlStatement function : functions) {
                StatementRunner.run(connection, "V1_1__initial.sql", function.text(), SqlDialect.MYSQL);
            }
            assertThat(StatementRunner.column(connection, "SELECT routine_name FROM information_schema.routines "
                    + "WHERE routine_schema = DATABASE() ORDER BY 1"))
                    .containsExactly("PARSE_ISO8601_DATETIME", "PARSE_ISO8601_DURATION");
            assertThat(StatementRunner.single(connection, "SELECT PARSE_ISO8601_DATETIME('2024-01-02T03:04:05.000Z')"))
                    .isEqualTo("2024-01-02 03:04:05");
        }
    }

    @Test
    void autheliaMigrationsWithProceduresWithoutDelimiterApplyInOrder() throws Exception {
        Path folder = corpus().resolve("authelia/migrations/mysql");
        List<Path> ups;
        try (Stream<Path> files = Files.list(folder)) {
            ups = files.filter(p -> p.getFileName().toString().endsWith(".up.sql")).sorted().toList();
        }
        try (Connection connection = db.connect()) {
            int statements = 0;
            for (Path up : ups) {
                statements += StatementRunner.runFile(connection, up, SqlDialect.MYSQL);
            }
            assertThat(ups).hasSize(26);
            assertThat(statements).isPositive();
            assertThat(StatementRunner.column(connection, "SELECT routine_name FROM information_schema.routines "
                    + "WHERE routine_schema = DATABASE() ORDER BY 1"))
                    .containsExactly("PROC_DROP_FOREIGN_KEY", "PROC_DROP_INDEX");
            assertThat(StatementRunner.single(connection, "SELECT COUNT(*) FROM information_schema.tables "
                    + "WHERE table_schema = DATABASE()"))
                    .isEqualTo("25");
        }
    }

    @Test
    void triggersAndProceduresWithNestedBlocksRunAsOneStatementEach() throws Exception {
        String script = String.join("\n",
                "CREATE TABLE readings (id INT PRIMARY KEY, v INT);",
                "CREATE TABLE audit (n INT AUTO_INCREMENT PRIMARY KEY, what VARCHAR(60));",
                "CREATE TRIGGER readings_clamp BEFORE INSERT ON readings FOR EACH ROW",
                "IF NEW.v < 0 THEN SET NEW.v = 0; ELSEIF NEW.v > 100 THEN SET NEW.v = 100; END IF;",
                "CREATE TRIGGER readings_audit AFTER INSERT ON readings FOR EACH ROW",
                "BEGIN",
                "  DECLARE i INT DEFAULT 0;",
                "  lp: LOOP",
                "    SET i = i + 1;",
                "    IF (i > 2) THEN LEAVE lp; END IF;",
                "  END LOOP lp;",
                "  CASE WHEN NEW.v = 0 THEN INSERT INTO audit (what) VALUES (CONCAT('low; ', NEW.id));",
                "  ELSE INSERT INTO audit (what) VALUES (CONCAT(IF(NEW.v = 100, 'high', 'ok'), ' ', i)); END CASE;",
                "END;",
                "CREATE PROCEDURE countdown(IN n INT)",
                "BEGIN",
                "  WHILE n > 0 DO INSERT INTO audit (what) VALUES (CONCAT('w', n)); SET n = n - 1; END WHILE;",
                "  REPEAT SET n = n + 1; UNTIL n >= 2 END REPEAT;",
                "  BEGIN INSERT INTO audit (what) VALUES (REPEAT('r', n)); END;",
                "END;",
                "INSERT INTO readings VALUES (1, -5), (2, 500), (3, 7);",
                "CALL countdown(2);");
        try (Connection connection = db.connect()) {
            assertThat(StatementRunner.run(connection, "nested.sql", script, SqlDialect.MYSQL)).isEqualTo(7);
            assertThat(StatementRunner.column(connection, "SELECT CONCAT(id, '=', v) FROM readings ORDER BY id"))
                    .containsExactly("1=0", "2=100", "3=7");
            assertThat(StatementRunner.column(connection, "SELECT what FROM audit ORDER BY n"))
                    .containsExactly("low; 1", "high 3", "ok 3", "w2", "w1", "rr");
        }
    }

    private static Path corpus() {
        Path corpus = CorpusFiles.locate();
        Assumptions.assumeTrue(corpus != null, "no SQL corpus beside the repository");
        return corpus;
    }
}
