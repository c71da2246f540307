package dev.flotilla.engine.script.updown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.revision.Direction;
import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.script.Problem;
import dev.flotilla.engine.script.ScriptException;
import dev.flotilla.engine.script.SqlFile;
import dev.flotilla.engine.script.StepSql;
import dev.flotilla.engine.script.WholeFiles;
import dev.flotilla.engine.sql.SqlDialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpDownFolderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private UpDownFolder load() {
        return UpDownFolder.load(dir, UpDownNaming.POPX, WholeFiles.NONE);
    }

    @Test
    void versionsAreOrderedByNumberKeptAsWrittenAndChained() throws IOException {
        write("10_third_step.up.sql", "SELECT 10;\n");
        write("9_second.up.sql", "SELECT 9;\n");
        write("0001_create_users.up.sql", "CREATE TABLE users (id int);\n");
        write("0001_create_users.down.sql", "DROP TABLE users;\n");
        write("20260703000000000000_big.up.sql", "SELECT 1;\n");

        assertThat(load().graph().revisions()).containsExactly(
                new Revision("0001", List.of(), List.of(), List.of(), "create users",
                        dir.resolve("0001_create_users.down.sql").toString()),
                new Revision("9", List.of("0001"), List.of(), List.of(), "second", dir.resolve("9_second.up.sql").toString()),
                new Revision("10", List.of("9"), List.of(), List.of(), "third step", dir.resolve("10_third_step.up.sql").toString()),
                new Revision("20260703000000000000", List.of("10"), List.of(), List.of(), "big",
                        dir.resolve("20260703000000000000_big.up.sql").toString()));
    }

    @Test
    void theDialectsOwnFileWinsOverTheGenericOne() throws IOException {
        write("1_t.up.sql", "CREATE TABLE t (id int);\n");
        Path pg = write("1_t.postgres.up.sql", "CREATE TABLE t (id serial);\n");
        Path lite = write("1_t.sqlite3.up.sql", "CREATE TABLE t (id integer primary key);\n");
        Path generic = dir.resolve("1_t.up.sql");
        UpDownFolder set = load();

        assertThat(set.sql("1", Direction.UP, "postgresql").file()).isEqualTo(pg);
        assertThat(set.sql("1", Direction.UP, "sqlite").file()).isEqualTo(lite);
        assertThat(set.sql("1", Direction.UP, "mariadb").file()).isEqualTo(generic);
        assertThat(set.sql("1", Direction.UP, "mysql")).isEqualTo(new StepSql("1", Direction.UP, generic, 1,
                "CREATE TABLE t (id int);\n", true, false, set.checksum("1")));
    }

    @Test
    void sqliteAndSqlite3AndPostgresqlAreSpellingsOfOurDialects() throws IOException {
        Path up = write("1_a.sqlite.up.sql", "SELECT 1;\n");
        Path down = write("1_a.sqlite3.down.sql", "SELECT 2;\n");
        Path pg = write("1_a.postgresql.up.sql", "SELECT 3;\n");
        Path my = write("1_a.mariadb.up.sql", "SELECT 4;\n");
        UpDownFolder set = load();

        assertThat(set.sql("1", Direction.UP, "sqlite").file()).isEqualTo(up);
        assertThat(set.sql("1", Direction.DOWN, "sqlite").file()).isEqualTo(down);
        assertThat(set.sql("1", Direction.UP, "postgresql").file()).isEqualTo(pg);
        assertThat(set.sql("1", Direction.UP, "mysql").file()).isEqualTo(my);
    }

    @Test
    void autocommitFilesRunOutsideATransaction() throws IOException {
        write("1_idx.postgres.autocommit.up.sql", "CREATE INDEX CONCURRENTLY i ON t (c);\n");
        write("1_idx.autocommit.up.sql", "CREATE INDEX i ON t (c);\n");
        write("1_idx.mysql.up.sql", "CREATE INDEX i ON t (c);\n");
        UpDownFolder set = load();

        assertThat(set.sql("1", Direction.UP, "postgresql").transactional()).isFalse();
        assertThat(set.sql("1", Direction.UP, "postgresql").text()).isEqualTo("CREATE INDEX CONCURRENTLY i ON t (c);\n");
        assertThat(set.sql("1", Direction.UP, "sqlite").transactional()).isFalse();
        assertThat(set.sql("1", Direction.UP, "mysql").transactional()).isTrue();
    }

    @Test
    void aVersionWithoutFilesForADialectIsANoOpThereBothWays() throws IOException {
        write("1_base.up.sql", "CREATE TABLE t (id int);\n");
        write("1_base.down.sql", "DROP TABLE t;\n");
        write("2_rebuild.sqlite3.up.sql", "ALTER TABLE t RENAME TO t_old;\n");
        write("2_rebuild.sqlite3.down.sql", "ALTER TABLE t_old RENAME TO t;\n");
        write("3_crdb.cockroach.up.sql", "SET CLUSTER SETTING x = 1;\n");
        UpDownFolder set = load();

        assertThat(set.graph().revisions()).extracting(Revision::id).containsExactly("1", "2", "3");
        for (Direction direction : Direction.values()) {
            assertThat(set.sql("2", direction, "postgresql")).isEqualTo(new StepSql("2", direction, dir, 1, "", true,
                    false, set.checksum("2")));
            assertThat(set.sql("3", direction, "sqlite").text()).isEmpty();
            assertThat(set.sql("2", direction, "postgresql").statements(SqlDialect.POSTGRESQL)).isEmpty();
        }
        assertThat(set.sql("2", Direction.UP, "sqlite").text()).isEqualTo("ALTER TABLE t RENAME TO t_old;\n");
    }

    @Test
    void emptyAndCommentOnlyFilesAreNoOpSteps() throws IOException {
        write("1_a.up.sql", "");
        write("2_b.up.sql", "--\n-- nothing here\n");

        UpDownFolder set = load();
        assertThat(set.sql("1", Direction.UP, "mysql").statements(SqlDialect.MYSQL)).isEmpty();
        assertThat(set.sql("2", Direction.UP, "mysql").statements(SqlDialect.MYSQL)).isEmpty();
    }

    @Test
    void aMissingDownFileIsAnErrorNamingTheFileToWrite() throws IOException {
        Path up = write("1_a.mysql.up.sql", "SELECT 1;\n");
        UpDownFolder set = load();

        assertThatThrownBy(() -> set.sql("1", Direction.DOWN, "mysql"))
                .isInstanceOfSatisfying(ScriptException.class, e -> assertThat(e.problems()).containsExactly(
                        new Problem(up, 0, "revision 1 has no down file for mysql, so it cannot be downgraded;"
                                + " write its downgrade in 1_a.mysql.down.sql next to it")));
    }

    @Test
    void theChecksumCoversTheVersionsFilesByNameWithLfLineEndings() throws IOException {
        write("1_a.up.sql", "SELECT 1;\r\n");
        write("1_a.down.sql", "SELECT 2;\n");
        write("1_a.cockroach.up.sql", "SELECT 3;\n");

        String expected = SqlFile.sha256("1_a.down.sql " + SqlFile.sha256("SELECT 2;\n") + "\n"
                + "1_a.up.sql " + SqlFile.sha256("SELECT 1;\n") + "\n");
        UpDownFolder set = load();
        assertThat(set.checksum("1")).isEqualTo(expected);
        assertThat(set.sql("1", Direction.DOWN, "sqlite").checksum()).isEqualTo(expected);
    }

    @Test
    void duplicatesAndBadNamesAreProblemsNamingTheFilesInNameOrder() throws IOException {
        Path first = write("1_a.sqlite.up.sql", "SELECT 1;\n");
        Path second = write("1_a.sqlite3.up.sql", "SELECT 1;\n");
        Path renamed = write("1_b.down.sql", "SELECT 1;\n");
        Path zero = write("05_e.down.sql", "SELECT 1;\n");
        Path five = write("5_e.up.sql", "SELECT 1;\n");
        Path typo = write("12_name.upp.sql", "SELECT 1;\n");
        Path oracle = write("13_x.oracle.up.sql", "SELECT 1;\n");
        write("README.md", "notes");
        write(".gitkeep", "");

        assertThat(UpDownFolder.check(dir, UpDownNaming.POPX, WholeFiles.NONE)).containsExactly(
                new Problem(typo, 0, "not an up/down migration name; expected"
                        + " <version>_<name>[.<dialect>][.autocommit].<up|down>.sql, e.g. 0001_create_users.up.sql"),
                new Problem(oracle, 0, "unknown dialect 'oracle' in the file name; expected postgres, postgresql,"
                        + " mysql, mariadb, sqlite, sqlite3 (or cockroach, which Flotilla skips). If the dot belongs"
                        + " to the name, read the folder with the golang-migrate naming"),
                new Problem(second, 0, "a second sqlite up file for version 1 (the first is " + first
                        + "); keep one of them"),
                new Problem(renamed, 0, "version 1 is named 'b' here but 'a' in " + first + "; the files of one"
                        + " version share its name: rename one, or give it another version"),
                new Problem(five, 0, "version 5 is the same number as 05 in " + zero + ", spelled differently;"
                        + " spell it alike in both files, or give one of them another version"));
    }

    @Test
    void wholeFilesAreSentUnsplit() throws IOException {
        write("1_procs.mysql.up.sql", "CREATE PROCEDURE p() BEGIN SELECT 1; END;\nCALL p();\n");
        write("1_procs.up.sql", "SELECT 1;\n");

        UpDownFolder set = UpDownFolder.load(dir, UpDownNaming.POPX, WholeFiles.of("*.mysql.up.sql"));
        StepSql step = set.sql("1", Direction.UP, "mysql");
        assertThat(step.whole()).isTrue();
        assertThat(step.statements(SqlDialect.MYSQL)).hasSize(1);
        assertThat(set.sql("1", Direction.UP, "sqlite").whole()).isFalse();
    }

    @Test
    void anotherNamingReadsAutheliaStyleNamesAndGolangMigrateNamesWithDots() throws IOException {
        write("V0001.Initial_Schema.up.sql", "CREATE TABLE t (id int);\n");
        write("V0001.Initial_Schema.down.sql", "DROP TABLE t;\n");
        write("V0002.Next.up.sql", "");

        UpDownFolder authelia = UpDownFolder.load(dir, UpDownNaming.AUTHELIA, WholeFiles.NONE);
        assertThat(authelia.graph().revisions()).extracting(Revision::id, Revision::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("0001", "Initial Schema"),
                        org.assertj.core.groups.Tuple.tuple("0002", "Next"));

        Path golang = Files.createDirectories(dir.resolve("golang"));
        Files.writeString(golang.resolve("1_add.users.up.sql"), "SELECT 1;\n");
        assertThat(UpDownFolder.load(golang, UpDownNaming.GOLANG_MIGRATE, WholeFiles.NONE).graph().revisions())
                .extracting(Revision::message).containsExactly("add.users");
    }
}
