package dev.flotilla.engine.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.revision.Direction;
import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.script.flyway.FlywayFolder;
import dev.flotilla.engine.script.updown.UpDownFolder;
import dev.flotilla.engine.sql.CorpusFiles;
import dev.flotilla.engine.sql.SqlDialect;
import dev.flotilla.engine.sql.SqlSyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real migration sets in {@code shared/corpus} (ory-kratos, authelia, kestra) open in their own
 * formats, as they are, for each of our dialects; every step's SQL splits with that dialect's splitter.
 * Counts were taken independently from the file names (and agree with each set's SOURCE.md). Skipped
 * when the corpus is not there.
 */
class CorpusSetsTest {

    private static final List<String> DIALECTS = List.of("postgresql", "mysql", "sqlite");

    private static Path corpus;
    private static Path kratosFolder;
    private static MigrationSet kratos;

    @BeforeAll
    static void locateCorpus() {
        corpus = CorpusFiles.locate();
        Assumptions.assumeTrue(corpus != null, () -> "no SQL corpus beside the repository (looked for "
                + CorpusFiles.expectedLocation() + "); skipping the corpus tests of the script formats");
        // 3,483 files: read once, the set is immutable
        kratosFolder = corpus.resolve("ory-kratos/migrations");
        kratos = MigrationSets.open(kratosFolder, FormatOptions.detect());
    }

    private static SqlDialect syntax(String dialect) {
        return SqlDialect.valueOf(dialect.toUpperCase(Locale.ROOT));
    }

    private static List<String> ids(MigrationSet set) {
        return set.graph().revisions().stream().map(Revision::id).toList();
    }

    /** Every step each way splits on the dialect; returns how many up steps have no statement. */
    private static int splitEverything(MigrationSet set, String dialect, boolean downgrades) {
        List<String> failures = new ArrayList<>();
        int emptyUps = 0;
        for (String id : ids(set)) {
            try {
                if (set.sql(id, Direction.UP, dialect).statements(syntax(dialect)).isEmpty()) {
                    emptyUps++;
                }
                if (downgrades) {
                    set.sql(id, Direction.DOWN, dialect).statements(syntax(dialect));
                }
            } catch (SqlSyntaxException | ScriptException e) {
                failures.add(id + " on " + dialect + ": " + e.getMessage());
            }
        }
        assertThat(failures).isEmpty();
        return emptyUps;
    }

    // kratos: popx naming, one flat folder for every database

    @Test
    void kratosOpensAsUpDownPairsWith703VersionsInOrder() {
        MigrationSet set = kratos;

        assertThat(set).isInstanceOf(UpDownFolder.class);
        List<String> ids = ids(set);
        assertThat(ids).hasSize(703);
        assertThat(ids.subList(0, 3)).containsExactly("20150100000001000000", "20191100000001000000", "20191100000001000001");
        assertThat(ids.get(702)).isEqualTo("20260703000000000000");
        assertThat(set.graph().heads()).containsExactly("20260703000000000000");
        assertThat(set.graph().bases()).containsExactly("20150100000001000000");
        assertThat(set.graph().find("20150100000001000000").orElseThrow().message()).isEqualTo("networks");
    }

    @ParameterizedTest(name = "{0}: {1} no-op versions, {2} own files, {3} autocommit, {4} up steps without statements")
    @CsvSource({
            // no-op: no file for the dialect and no generic file; empty: no-ops plus the 21/27/156 files that
            // hold nothing or only comments
            "postgresql, 357, 279, 10, 378",
            "mysql,      351, 323,  2, 378",
            "sqlite,       9, 636,  8, 165",
    })
    void kratosServesEachDialectItsOwnFileElseTheGenericOneElseANoOp(String dialect, int noOps, int own,
                                                                       int autocommit, int empty) {
        Path folder = kratosFolder;
        MigrationSet set = kratos;
        int noOpCount = 0;
        int ownCount = 0;
        int autocommitCount = 0;
        for (String id : ids(set)) {
            StepSql up = set.sql(id, Direction.UP, dialect);
            if (up.file().equals(folder)) {
                assertThat(up.text()).isEmpty();
                noOpCount++;
            } else if (!up.file().getFileName().toString().matches("\\d+_[^.]+(\\.autocommit)?\\.up\\.sql")) {
                ownCount++;
            }
            if (!up.transactional()) {
                autocommitCount++;
            }
        }
        assertThat(noOpCount).isEqualTo(noOps);
        assertThat(ownCount).isEqualTo(own);
        assertThat(autocommitCount).isEqualTo(autocommit);
        assertThat(splitEverything(set, dialect, true)).isEqualTo(empty);
    }

    @Test
    void kratosPicksTheMysqlFileOverTheGenericAutocommitOne() {
        Path folder = kratosFolder;
        MigrationSet set = kratos;
        String id = "20241029153900000001";

        StepSql mysql = set.sql(id, Direction.UP, "mysql");
        assertThat(mysql.file()).isEqualTo(folder.resolve(id + "_identities.mysql.up.sql"));
        assertThat(mysql.transactional()).isTrue();
        for (String dialect : List.of("postgresql", "sqlite")) {
            StepSql generic = set.sql(id, Direction.UP, dialect);
            assertThat(generic.file()).isEqualTo(folder.resolve(id + "_identities.autocommit.up.sql"));
            assertThat(generic.transactional()).isFalse();
            assertThat(generic.statements(syntax(dialect))).hasSize(11);
        }
        StepSql concurrently = set.sql("20260616000000000000", Direction.UP, "postgresql");
        assertThat(concurrently.file().getFileName().toString()).endsWith(".postgres.autocommit.up.sql");
        assertThat(concurrently.runsInTransaction()).isFalse();
    }

    @Test
    void kratosReadsSqliteAndSqlite3FilesAsSqlite() {
        Path folder = kratosFolder;
        MigrationSet set = kratos;

        assertThat(set.sql("20230705000000000001", Direction.UP, "sqlite").file())
                .isEqualTo(folder.resolve("20230705000000000001_cookie_flow_request_url.sqlite.up.sql"));
        assertThat(set.sql("20150100000001000000", Direction.UP, "sqlite").file())
                .isEqualTo(folder.resolve("20150100000001000000_networks.sqlite3.up.sql"));
    }

    @Test
    void kratosCockroachOnlyVersionIsANoOpOnEveryDialectOfOurs() {
        Path folder = kratosFolder;
        MigrationSet set = kratos;

        for (String dialect : DIALECTS) {
            for (Direction direction : Direction.values()) {
                StepSql step = set.sql("20191100000011000004", direction, dialect);
                assertThat(step.file()).isEqualTo(folder);
                assertThat(step.text()).isEmpty();
            }
        }
    }

    // authelia: V0001.Name.up.sql, one folder per dialect

    @ParameterizedTest(name = "authelia/{0} as {1}: {2} up steps without statements")
    @CsvSource({"postgres, postgresql, 3", "mysql, mysql, 3", "sqlite, sqlite, 5"})
    void autheliaOpensPerDialectFolderWith26VersionsAndItsEmptyFilesAsNoOps(String folder, String dialect, int empty) {
        MigrationSet set = MigrationSets.open(corpus.resolve("authelia/migrations").resolve(folder), FormatOptions.detect());

        assertThat(set).isInstanceOf(UpDownFolder.class);
        List<String> ids = ids(set);
        assertThat(ids).hasSize(26);
        assertThat(ids.get(0)).isEqualTo("0001");
        assertThat(ids.get(25)).isEqualTo("0026");
        assertThat(set.graph().find("0001").orElseThrow().message()).isEqualTo("Initial Schema");
        assertThat(set.sql("0025", Direction.UP, dialect).text()).isEmpty();
        assertThat(splitEverything(set, dialect, true)).isEqualTo(empty);
    }

    @Test
    void autheliaOpenedAtTheParentFolderAsksToPointAtOneDialect() {
        Path parent = corpus.resolve("authelia/migrations");

        assertThatThrownBy(() -> MigrationSets.open(parent, FormatOptions.detect()))
                .isInstanceOf(ScriptException.class)
                .hasMessageEndingWith("If the sub-folders hold one database each, point at one of them");
    }

    @Test
    void autheliaMysqlProceduresCanBeSentWhole() {
        Path folder = corpus.resolve("authelia/migrations/mysql");
        MigrationSet set = MigrationSets.open(folder, FormatOptions.detect().withWholeFiles("V0007.*.sql"));

        StepSql step = set.sql("0007", Direction.UP, "mysql");
        assertThat(step.whole()).isTrue();
        assertThat(step.statements(SqlDialect.MYSQL)).hasSize(1);
        assertThat(set.sql("0008", Direction.UP, "mysql").whole()).isFalse();
    }

    // kestra: Flyway, one folder per dialect (h2 is not ours)

    @Test
    void kestraPostgresOpensAsFlywayWith26VersionsInNumericOrder() {
        MigrationSet set = MigrationSets.open(corpus.resolve("kestra/migrations/postgres"), FormatOptions.detect());

        assertThat(set).isInstanceOf(FlywayFolder.class);
        List<String> ids = ids(set);
        assertThat(ids).hasSize(26);
        assertThat(ids.subList(0, 11)).containsExactly(
                "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10", "1.12");
        assertThat(ids.get(25)).isEqualTo("1.27");
        assertThat(set.graph().find("1.10").orElseThrow().downRevisions()).containsExactly("1.9");
        assertThat(set.graph().find("1.12").orElseThrow().downRevisions()).containsExactly("1.10");
        assertThat(set.graph().find("1.4").orElseThrow().message()).isEqualTo("postgres-queues-pkey");
        assertThat(splitEverything(set, "postgresql", false)).isZero();
    }

    @Test
    void kestraMysqlOpensAsFlywayWith24Versions() {
        MigrationSet set = MigrationSets.open(corpus.resolve("kestra/migrations/mysql"), FormatOptions.detect());

        List<String> ids = ids(set);
        assertThat(ids).hasSize(24);
        assertThat(ids).doesNotContain("1.6", "1.11").startsWith("1.1", "1.2").endsWith("1.25", "1.26");
        assertThat(splitEverything(set, "mysql", false)).isZero();
        assertThat(set.sql("1.1", Direction.UP, "mysql").statements(SqlDialect.MYSQL)).hasSize(38);
    }

    @Test
    void kestraHasNoUndoFilesSoADowngradeIsAnErrorNamingTheFile() {
        Path folder = corpus.resolve("kestra/migrations/postgres");
        MigrationSet set = MigrationSets.open(folder, FormatOptions.detect());

        assertThatThrownBy(() -> set.sql("1.10", Direction.DOWN, "postgresql"))
                .isInstanceOf(ScriptException.class)
                .hasMessage(folder.resolve("V1_10__multitenant_indices.sql") + ": revision 1.10 has no undo file, so"
                        + " it cannot be downgraded; write its downgrade in U1_10__multitenant_indices.sql next to it");
    }

    @Test
    void kestraOpenedAtTheParentFolderAsksToPointAtOneDialect() {
        assertThatThrownBy(() -> MigrationSets.open(corpus.resolve("kestra/migrations"), FormatOptions.detect()))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("3 sub-folders (h2, mysql, postgres)");
    }
}
