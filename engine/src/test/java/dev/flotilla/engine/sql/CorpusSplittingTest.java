package dev.flotilla.engine.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real migrations from three projects (ory-kratos, authelia, kestra) in {@code shared/corpus}, which lies
 * beside the repository: every file splits, and the files below split into exactly the statements
 * counted by hand. Skipped when the corpus is not there.
 */
class CorpusSplittingTest {

    private static Path corpus;

    @BeforeAll
    static void locateCorpus() {
        corpus = CorpusFiles.locate();
        Assumptions.assumeTrue(corpus != null, () -> "no SQL corpus beside the repository (looked for "
                + CorpusFiles.expectedLocation() + "); skipping the corpus tests");
    }

    @Test
    void everyFileSplitsWithoutError() throws IOException {
        List<String> failures = new ArrayList<>();
        Map<SqlDialect, Integer> statements = new EnumMap<>(SqlDialect.class);
        Map<String, Integer> filesPerProject = new TreeMap<>();
        for (Path file : CorpusFiles.sqlFiles(corpus)) {
            List<SqlDialect> dialects = CorpusFiles.dialectsOf(corpus.relativize(file));
            if (!dialects.isEmpty()) {
                filesPerProject.merge(corpus.relativize(file).getName(0).toString(), 1, Integer::sum);
            }
            String sql = Files.readString(file, StandardCharsets.UTF_8);
            for (SqlDialect dialect : dialects) {
                try {
                    statements.merge(dialect, StatementSplitter.split(sql, dialect).size(), Integer::sum);
                } catch (SqlSyntaxException e) {
                    failures.add(corpus.relativize(file) + " as " + dialect + ": " + e.getMessage());
                }
            }
        }
        assertThat(failures).isEmpty();
        // kestra's 24 H2 files are not read: H2 is no dialect of ours
        assertThat(filesPerProject).containsExactly(
                Map.entry("authelia", 156), Map.entry("kestra", 50), Map.entry("ory-kratos", 3483));
        // the same totals as psql, sqlite3_complete() and the mariadb client give, but for authelia's
        // mysql/V0007.ConsistencyFixes.up.sql, whose two procedures the mariadb client cuts into 6 pieces each
        assertThat(statements).containsExactly(
                Map.entry(SqlDialect.POSTGRESQL, 2125), Map.entry(SqlDialect.MYSQL, 1882), Map.entry(SqlDialect.SQLITE, 2398));
    }

    @ParameterizedTest(name = "{0} as {1}: {2} statements")
    @CsvSource({
            // dollar-quoted DO blocks and a plpgsql function, SQL-standard RETURN bodies with $1, an empty ';;'
            "kestra/migrations/postgres/V1_1__initial.sql, POSTGRESQL, 97",
            // the last statement has no ';' and the file no final newline
            "kestra/migrations/postgres/V1_13__log_fulltext.sql, POSTGRESQL, 2",
            // one RETURN body with $1 and $2 over nine lines
            "kestra/migrations/postgres/V1_27__escape_fulltext.sql, POSTGRESQL, 1",
            // two DELIMITER // functions, six DELIMITER // procedures each with CALL and DROP, 14 tables
            "kestra/migrations/mysql/V1_1__initial.sql, MYSQL, 38",
            // two CREATE PROCEDURE ... BEGIN ... END; without DELIMITER, then 71 plain statements
            "authelia/migrations/mysql/V0007.ConsistencyFixes.up.sql, MYSQL, 75",
            "authelia/migrations/sqlite/V0002.WebAuthn.up.sql, SQLITE, 9",
            // generic (all dialects): one CREATE INDEX and ten DROP INDEX in three groups
            "ory-kratos/migrations/20241029153900000001_identities.autocommit.up.sql, POSTGRESQL, 11",
            "ory-kratos/migrations/20241029153900000001_identities.autocommit.up.sql, MYSQL, 11",
            "ory-kratos/migrations/20241029153900000001_identities.autocommit.up.sql, SQLITE, 11",
            "ory-kratos/migrations/20150100000001000000_networks.postgres.up.sql, POSTGRESQL, 1",
            "ory-kratos/migrations/20150100000001000000_networks.mysql.up.sql, MYSQL, 1",
            "ory-kratos/migrations/20150100000001000000_networks.sqlite3.up.sql, SQLITE, 1",
            "ory-kratos/migrations/20260616000000000000_courier_messages_restore_list_index.postgres.autocommit.up.sql, POSTGRESQL, 1",
            // a file holding only "--"
            "ory-kratos/migrations/20230313141439000001_session_token_length.up.sql, POSTGRESQL, 0",
            // an empty file
            "authelia/migrations/postgres/V0025.StorageAAD.up.sql, POSTGRESQL, 0",
    })
    void sampledFilesSplitIntoTheStatementsCountedByHand(String file, SqlDialect dialect, int count) throws IOException {
        assertThat(split(file, dialect)).hasSize(count);
    }

    @Test
    void authelia0002OnSqliteStartsItsStatementsOnTheseLines() throws IOException {
        assertThat(split("authelia/migrations/sqlite/V0002.WebAuthn.up.sql", SqlDialect.SQLITE))
                .extracting(SqlStatement::line)
                .containsExactly(1, 4, 7, 20, 24, 26, 44, 48, 50);
    }

    @Test
    void kestraMysqlInitialKeepsTheDelimiterFunctionsWhole() throws IOException {
        List<SqlStatement> statements = split("kestra/migrations/mysql/V1_1__initial.sql", SqlDialect.MYSQL);
        assertThat(statements.subList(0, 3)).extracting(SqlStatement::line).containsExactly(2, 24, 42);
        assertThat(statements.get(0).text())
                .startsWith("CREATE FUNCTION IF NOT EXISTS PARSE_ISO8601_DURATION(duration VARCHAR(20))")
                .endsWith("            END;\n\nEND");
        assertThat(statements.get(16).text()).isEqualTo("""
                CREATE PROCEDURE IF NOT EXISTS `?`()
                BEGIN
                    DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN END;
                    ALTER TABLE metrics ADD COLUMN metric_value FLOAT GENERATED ALWAYS AS (value ->> '$.value') STORED NOT NULL;
                END""");
        assertThat(statements.get(17)).isEqualTo(new SqlStatement("CALL `?`()", 285));
    }

    @Test
    void autheliaMysqlProceduresWithoutDelimiterStayWhole() throws IOException {
        List<SqlStatement> statements = split("authelia/migrations/mysql/V0007.ConsistencyFixes.up.sql", SqlDialect.MYSQL);
        assertThat(statements.subList(0, 5)).extracting(SqlStatement::line).containsExactly(1, 2, 4, 21, 38);
        assertThat(statements.get(2).text())
                .startsWith("CREATE PROCEDURE PROC_DROP_FOREIGN_KEY(")
                .endsWith("        DEALLOCATE PREPARE stmt;\n    END IF;\nEND");
    }

    @Test
    void allKratosFilesSplitInWellUnderASecond() throws IOException {
        List<Path> files = CorpusFiles.sqlFiles(corpus.resolve("ory-kratos"));
        List<String> texts = new ArrayList<>();
        for (Path file : files) {
            texts.add(Files.readString(file, StandardCharsets.UTF_8));
        }
        splitAll(files, texts); // warm up the JIT
        long start = System.nanoTime();
        int statements = splitAll(files, texts);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(statements).isPositive();
        assertThat(millis).as("milliseconds to split all %d kratos files", files.size()).isLessThan(1000);
    }

    private static int splitAll(List<Path> files, List<String> texts) {
        int statements = 0;
        for (int i = 0; i < files.size(); i++) {
            for (SqlDialect dialect : CorpusFiles.dialectsOf(files.get(i).getFileName())) {
                statements += StatementSplitter.split(texts.get(i), dialect).size();
            }
        }
        return statements;
    }

    private static List<SqlStatement> split(String file, SqlDialect dialect) throws IOException {
        return StatementSplitter.split(Files.readString(corpus.resolve(file), StandardCharsets.UTF_8), dialect);
    }
}
