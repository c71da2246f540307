package dev.flotilla.engine.script.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.revision.Direction;
import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.script.Problem;
import dev.flotilla.engine.script.ScriptException;
import dev.flotilla.engine.script.SqlFile;
import dev.flotilla.engine.script.StepSql;
import dev.flotilla.engine.script.WholeFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlywayFolderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void versionsAreOrderedNumberByNumberAndChainedWithDottedIds() throws IOException {
        write("V1_10__add_index.sql", "CREATE INDEX i ON t (c);\n");
        write("V2.1__later.sql", "SELECT 2;\n");
        write("V1_9__add_column.sql", "ALTER TABLE t ADD c int;\n");
        write("V1_2__create_table.sql", "CREATE TABLE t (id int);\n");

        FlywayFolder set = FlywayFolder.load(dir, WholeFiles.NONE);

        assertThat(set.graph().revisions()).containsExactly(
                new Revision("1.2", List.of(), List.of(), List.of(), "create table", dir.resolve("V1_2__create_table.sql").toString()),
                new Revision("1.9", List.of("1.2"), List.of(), List.of(), "add column", dir.resolve("V1_9__add_column.sql").toString()),
                new Revision("1.10", List.of("1.9"), List.of(), List.of(), "add index", dir.resolve("V1_10__add_index.sql").toString()),
                new Revision("2.1", List.of("1.10"), List.of(), List.of(), "later", dir.resolve("V2.1__later.sql").toString()));
        assertThat(set.graph().heads()).containsExactly("2.1");
        assertThat(set.location()).isEqualTo(dir);
    }

    @Test
    void theUpgradeIsTheVersionedFileForEveryDialectInATransaction() throws IOException {
        Path file = write("V1__init.sql", "CREATE TABLE t (id int);\r\nINSERT INTO t VALUES (1);\r\n");
        FlywayFolder set = FlywayFolder.load(dir, WholeFiles.NONE);
        String checksum = SqlFile.sha256("CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\n");

        for (String dialect : List.of("postgresql", "mysql", "mariadb", "sqlite")) {
            assertThat(set.sql("1", Direction.UP, dialect)).isEqualTo(new StepSql("1", Direction.UP, file, 1,
                    "CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\n", true, false, checksum));
        }
        assertThat(set.checksum("1")).isEqualTo(checksum);
        assertThatThrownBy(() -> set.sql("1", Direction.UP, "oracle"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown dialect 'oracle'; expected one of postgresql, mysql, sqlite (mariadb is read as mysql)");
    }

    @Test
    void anUndoFileIsTheDowngradeAndItsAbsenceIsAnErrorNamingTheRevision() throws IOException {
        write("V1__init.sql", "CREATE TABLE t (id int);\n");
        Path undo = write("U1__init.sql", "DROP TABLE t;\n");
        Path second = write("V1_1__more.sql", "CREATE TABLE u (id int);\n");
        FlywayFolder set = FlywayFolder.load(dir, WholeFiles.NONE);

        StepSql down = set.sql("1", Direction.DOWN, "sqlite");
        assertThat(down.file()).isEqualTo(undo);
        assertThat(down.text()).isEqualTo("DROP TABLE t;\n");
        assertThat(down.checksum()).isEqualTo(SqlFile.sha256("CREATE TABLE t (id int);\n"));
        assertThatThrownBy(() -> set.sql("1.1", Direction.DOWN, "sqlite"))
                .isInstanceOfSatisfying(ScriptException.class, e -> assertThat(e.problems()).containsExactly(
                        new Problem(second, 0, "revision 1.1 has no undo file, so it cannot be downgraded;"
                                + " write its downgrade in U1_1__more.sql next to it")));
    }

    @Test
    void versionsThatCompareEqualAreAnErrorNamingBothFiles() throws IOException {
        Path first = write("V1.0__a.sql", "SELECT 1;\n");
        Path second = write("V1__b.sql", "SELECT 1;\n");

        assertThat(FlywayFolder.check(dir, WholeFiles.NONE)).containsExactly(new Problem(second, 0,
                "version 1 is also the version of " + first + " (Flyway compares versions number by number,"
                        + " so 1.0 = 1 = 01); give one of them another version"));
    }

    @Test
    void badNamesAndRepeatableFilesAreProblemsWhileOtherFilesAreIgnored() throws IOException {
        write("V1__ok.sql", "SELECT 1;\n");
        write("README.md", "# notes\n");
        write(".gitkeep", "");
        write(".V9__hidden.sql", "SELECT 9;\n");
        write("notes.txt", "V5__x.sql");
        Path repeatable = write("R__views.sql", "CREATE VIEW v AS SELECT 1;\n");
        Path noSeparator = write("V1_2_x.sql", "SELECT 1;\n");
        Path upper = write("V3__x.SQL", "SELECT 1;\n");
        Path letters = write("V2a__x.sql", "SELECT 1;\n");
        Path undoAlone = write("U7__gone.sql", "SELECT 1;\n");
        String expected = "; expected V<version>__<description>.sql (or U<version>__<description>.sql for an undo),"
                + " the version numbers separated by '.' or '_', e.g. V1_10__add_index.sql";

        assertThatThrownBy(() -> FlywayFolder.load(dir, WholeFiles.NONE))
                .isInstanceOfSatisfying(ScriptException.class, e -> assertThat(e.problems()).containsExactly(
                        new Problem(repeatable, 0, "not a Flyway migration name: repeatable migrations (R__) are not"
                                + " supported yet, only versioned (V) and undo (U) ones; move the file out of the"
                                + " folder or make it a versioned migration" + expected),
                        new Problem(noSeparator, 0, "not a Flyway migration name: no '__' between the version and"
                                + " the description" + expected),
                        new Problem(letters, 0, "not a Flyway migration name: 'V2a' is not V or U followed by a"
                                + " version" + expected),
                        new Problem(upper, 0, "not a Flyway migration name: the name must end in '.sql' (lower case)"
                                + expected),
                        new Problem(undoAlone, 0, "undo file for version 7, but no V file has that version;"
                                + " rename it to match its V file or remove it")));
    }

    @Test
    void filesListedAsWholeAreSentUnsplitAndAPatternThatMatchesNothingIsAnError() throws IOException {
        write("V1__init.sql", "SELECT 1;\n");
        write("V2__procedures.sql", "CREATE PROCEDURE p() BEGIN SELECT 1; END;\n");
        write("U2__procedures.sql", "DROP PROCEDURE p;\n");

        FlywayFolder set = FlywayFolder.load(dir, WholeFiles.of("*__procedures.sql"));
        assertThat(set.sql("2", Direction.UP, "mysql").whole()).isTrue();
        assertThat(set.sql("2", Direction.UP, "mysql").runsInTransaction()).isFalse();
        assertThat(set.sql("2", Direction.DOWN, "mysql").whole()).isTrue();
        assertThat(set.sql("1", Direction.UP, "mysql").whole()).isFalse();

        assertThat(FlywayFolder.check(dir, WholeFiles.of("V2__procedure.sql"))).containsExactly(new Problem(dir, 0,
                "whole-file pattern 'V2__procedure.sql' matches no migration file in the folder;"
                        + " fix the pattern or remove it"));
    }

    @Test
    void aSubfolderOfSqlFilesIsReportedRatherThanSkipped() throws IOException {
        write("V1__init.sql", "SELECT 1;\n");
        Files.createDirectories(dir.resolve("postgres"));
        Files.writeString(dir.resolve("postgres/V2__x.sql"), "SELECT 2;\n");
        Files.createDirectories(dir.resolve("empty"));

        assertThat(FlywayFolder.check(dir, WholeFiles.NONE)).containsExactly(new Problem(dir.resolve("postgres"), 0,
                "sub-folder with 1 SQL file(s); Flotilla reads only the files directly in a Flyway folder: move them"
                        + " up, or, if the sub-folders are one per database, point at the one for your database"));
    }

    @Test
    void anEmptyFileIsANoOpStep() throws IOException {
        write("V1__nothing.sql", "");
        write("V2__comment.sql", "-- nothing to do here\n");
        FlywayFolder set = FlywayFolder.load(dir, WholeFiles.NONE);

        assertThat(set.sql("1", Direction.UP, "postgresql").statements(dev.flotilla.engine.sql.SqlDialect.POSTGRESQL)).isEmpty();
        assertThat(set.sql("2", Direction.UP, "postgresql").statements(dev.flotilla.engine.sql.SqlDialect.POSTGRESQL)).isEmpty();
    }

    @Test
    void anUnknownRevisionIsAnErrorThatShowsHowIdsAreSpelled() throws IOException {
        write("V1_1__init.sql", "SELECT 1;\n");
        FlywayFolder set = FlywayFolder.load(dir, WholeFiles.NONE);

        assertThatThrownBy(() -> set.checksum("1_1"))
                .hasMessage("No Flyway migration in " + dir + " has version '1_1' (ids are versions with '.' between"
                        + " the numbers, e.g. 1.10)");
    }
}
