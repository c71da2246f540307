package dev.flotilla.engine.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that stop before the revision graph: missing folders, broken files, repeated ids. */
class ScriptDirectoryCheckTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFolderIsOneProblemSuggestingInit() {
        Path versions = dir.resolve("migrations/versions");

        assertThat(ScriptDirectory.check(versions)).containsExactly(new Problem(versions, 0,
                "versions folder not found; run 'flotilla init' to create one, or point --scripts (or 'scripts'"
                        + " in flotilla.yaml) at the folder that holds versions/"));
    }

    @Test
    void aFileWhereTheFolderShouldBeIsOneProblem() {
        Path versions = ScriptFiles.writeText(dir, "versions", "");

        assertThat(ScriptDirectory.check(versions)).containsExactly(new Problem(versions, 0,
                "is not a folder; run 'flotilla init' to create one, or point --scripts (or 'scripts'"
                        + " in flotilla.yaml) at the folder that holds versions/"));
    }

    @Test
    void everyBrokenFileIsReportedSortedByPathThenLine() {
        Path c = ScriptFiles.write(dir, "c_third.sql",
                "-- revision: c",
                "-- down_revision: b",
                "-- colour: red",
                "-- migrate:upgrade dialect=oracle");
        Path a = ScriptFiles.write(dir, "a_first.sql",
                "-- down_revision:",
                "SELECT 1;",
                "-- migrate:upgrade");
        Path b = ScriptFiles.revision(dir, "b_second.sql", "b", "a");

        assertThat(ScriptDirectory.check(dir)).containsExactly(
                new Problem(a, 1, "no '-- revision: <id>' header line; every migration file starts with one"),
                new Problem(a, 2, "SQL outside a section ('SELECT 1;'); move it below a '-- migrate:upgrade' or"
                        + " '-- migrate:downgrade' line"),
                new Problem(c, 3, "unknown header key 'colour'; expected one of revision, down_revision,"
                        + " branch_labels, depends_on, message, create_date"),
                new Problem(c, 4, "unknown dialect 'oracle'; expected one of postgresql, mysql, sqlite"
                        + " (mariadb is read as mysql)"));
        assertThat(b).exists();
    }

    @Test
    void twoFilesDeclaringOneIdAreBothNamed() {
        Path first = ScriptFiles.revision(dir, "ae1_one.sql", "ae1", "");
        Path second = ScriptFiles.revision(dir, "ae1_two.sql", "ae1", "");
        ScriptFiles.revision(dir, "b_x.sql", "b", "ae1");

        assertThat(ScriptDirectory.check(dir)).containsExactly(new Problem(second, 1,
                "revision id 'ae1' is also declared in " + first + ":1; give one of them a new id"));
    }

    @Test
    void onlySqlFilesDirectlyInTheFolderAreRead() throws Exception {
        ScriptFiles.writeText(dir, "README.md", "-- revision: not a script\n");
        ScriptFiles.writeText(dir, ".gitkeep", "");
        ScriptFiles.writeText(dir, "notes.sql.bak", "garbage\n");
        ScriptFiles.writeText(dir, ".#a_x.sql", "an editor's lock file\n");
        ScriptFiles.writeText(dir.resolve("old"), "z_old.sql", "garbage\n");
        Files.createDirectories(dir.resolve("folder.sql"));
        Path broken = ScriptFiles.writeText(dir, "a_x.sql", "garbage\n");

        assertThat(ScriptDirectory.check(dir)).extracting(Problem::path).containsOnly(broken);
    }
}
