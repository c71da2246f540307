package dev.flotilla.engine.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.script.flyway.FlywayFolder;
import dev.flotilla.engine.script.updown.UpDownFolder;
import dev.flotilla.engine.script.updown.UpDownNaming;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatDetectionTest {

    @TempDir
    Path dir;

    private static List<Problem> problemsOpening(Path folder, FormatOptions options) {
        try {
            MigrationSet set = MigrationSets.open(folder, options);
            throw new AssertionError("expected problems, but opened " + set);
        } catch (ScriptException e) {
            return e.problems();
        }
    }

    @Test
    void aVersionsFolderIsFlotillasOwnFormat() {
        ScriptFiles.revision(dir.resolve("versions"), "a_x.sql", "a", "");
        ScriptFiles.write(dir, "README.md", "notes");

        MigrationSet set = MigrationSets.open(dir, FormatOptions.detect());
        assertThat(set).isInstanceOf(ScriptDirectory.class);
        assertThat(set.location()).isEqualTo(dir.resolve("versions"));
        assertThat(MigrationSets.detect(dir, FormatOptions.detect())).isEqualTo(ScriptFormat.FLOTILLA);
    }

    @Test
    void versionedFilesAreFlyway() {
        ScriptFiles.write(dir, "V1__init.sql", "SELECT 1;");
        ScriptFiles.write(dir, ".gitkeep", "");

        assertThat(MigrationSets.open(dir, FormatOptions.detect())).isInstanceOf(FlywayFolder.class);
    }

    @Test
    void upDownFilesArePairsReadWithThePresetEveryFileFollows() {
        Path popx = dir.resolve("popx");
        ScriptFiles.write(popx, "0001_init.up.sql", "SELECT 1;");
        ScriptFiles.write(popx, "0001_init.mysql.down.sql", "SELECT 1;");
        Path authelia = dir.resolve("authelia");
        ScriptFiles.write(authelia, "V0001.Initial_Schema.up.sql", "SELECT 1;");
        Path golang = dir.resolve("golang");
        ScriptFiles.write(golang, "1_add.users.up.sql", "SELECT 1;");

        assertThat(MigrationSets.open(popx, FormatOptions.detect())).isInstanceOf(UpDownFolder.class);
        assertThat(MigrationSets.open(authelia, FormatOptions.detect()).graph().revisions())
                .extracting(Revision::id).containsExactly("0001");
        assertThat(MigrationSets.open(golang, FormatOptions.detect()).graph().revisions())
                .extracting(Revision::message).containsExactly("add.users");
    }

    @Test
    void aFolderThatMixesFormatsIsAnErrorListingBoth() {
        ScriptFiles.write(dir, "V1__init.sql", "SELECT 1;");
        ScriptFiles.write(dir, "V2__more.sql", "SELECT 1;");
        ScriptFiles.write(dir, "1_init.up.sql", "SELECT 1;");

        assertThat(problemsOpening(dir, FormatOptions.detect())).containsExactly(new Problem(dir, 0,
                "mixes migration formats: 2 Flyway files (V1__init.sql, V2__more.sql) and 1 up/down file"
                + " (1_init.up.sql); keep one format per folder, or choose one with the format option"));

        ScriptFiles.revision(dir.resolve("versions"), "a_x.sql", "a", "");
        assertThat(problemsOpening(dir, FormatOptions.detect())).containsExactly(new Problem(dir, 0,
                "mixes migration formats: a versions/ folder (Flotilla's own format) and 2 Flyway files"
                + " (V1__init.sql, V2__more.sql); keep one format per folder"));
    }

    @Test
    void aFolderWithNothingRecognisableIsAnErrorSayingWhatItHoldsAndWhatIsExpected() {
        ScriptFiles.write(dir, "schema.sql", "SELECT 1;");
        ScriptFiles.write(dir, "12_name.upp.sql", "SELECT 1;");
        ScriptFiles.write(dir, "README.md", "notes");
        ScriptFiles.write(dir.resolve("postgres"), "V1__x.sql", "SELECT 1;");
        ScriptFiles.write(dir.resolve("mysql"), "V1__x.sql", "SELECT 1;");

        assertThat(problemsOpening(dir, FormatOptions.detect())).containsExactly(new Problem(dir, 0,
                "no migrations found: the folder holds 2 other SQL files (12_name.upp.sql, schema.sql) and"
                        + " 2 sub-folders (mysql, postgres); expected a versions/ folder (Flotilla's own format),"
                        + " V<version>__<description>.sql files (Flyway) or <version>_<name>.up.sql and .down.sql"
                        + " files (up/down pairs). If the sub-folders hold one database each, point at one of them"));
    }

    @Test
    void almostFlywayNamesAreSortedToFlywayAndReported() {
        Path file = ScriptFiles.write(dir, "V1_2_x.sql", "SELECT 1;");

        assertThat(problemsOpening(dir, FormatOptions.detect())).extracting(Problem::path, Problem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(file, 0));
    }

    @Test
    void anExplicitFormatOverridesDetection() {
        ScriptFiles.write(dir, "V1__init.sql", "SELECT 1;");

        assertThat(problemsOpening(dir, FormatOptions.detect().withFormat(ScriptFormat.FLOTILLA)))
                .extracting(Problem::path).containsExactly(dir.resolve("versions"));
        assertThat(problemsOpening(dir, FormatOptions.detect().withFormat(ScriptFormat.UP_DOWN)))
                .containsExactly(new Problem(dir.resolve("V1__init.sql"), 0, "not an up/down migration name;"
                        + " expected <version>_<name>[.<dialect>][.autocommit].<up|down>.sql, e.g. 0001_create_users.up.sql"));
    }

    @Test
    void optionsThatMeanNothingForTheFormatFoundAreErrors() {
        ScriptFiles.revision(dir.resolve("flotilla/versions"), "a_x.sql", "a", "");
        ScriptFiles.write(dir.resolve("flyway"), "V1__init.sql", "SELECT 1;");

        assertThat(problemsOpening(dir.resolve("flotilla"), FormatOptions.detect().withWholeFiles("*.sql")))
                .containsExactly(new Problem(dir.resolve("flotilla"), 0, "whole-file patterns are for Flyway and"
                        + " up/down folders; in Flotilla's own format mark the section instead: '-- migrate:upgrade"
                        + " whole' (the folder is in Flotilla's own format)"));
        assertThat(problemsOpening(dir.resolve("flyway"), FormatOptions.detect().withNaming(UpDownNaming.AUTHELIA)))
                .containsExactly(new Problem(dir.resolve("flyway"), 0, "an up/down naming was given, but"
                        + " the folder is in Flyway (V<version>__<description>.sql)"));
        assertThatThrownBy(() -> FormatOptions.detect().withFormat(ScriptFormat.FLYWAY).withNaming(UpDownNaming.POPX))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an up/down naming is only for up/down folders, not for Flyway (V<version>__<description>.sql)");
    }

    @Test
    void aMissingFolderIsAnError() {
        Path missing = dir.resolve("nope");

        assertThat(problemsOpening(missing, FormatOptions.detect()))
                .containsExactly(new Problem(missing, 0, "migrations folder not found; check the path"));
        assertThat(Files.exists(missing)).isFalse();
    }
}
