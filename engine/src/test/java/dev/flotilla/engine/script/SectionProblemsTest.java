package dev.flotilla.engine.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SectionProblemsTest {

    @TempDir
    Path dir;

    private Path file(String... body) {
        String[] lines = new String[body.length + 2];
        lines[0] = "-- revision: a";
        lines[1] = "-- down_revision:";
        System.arraycopy(body, 0, lines, 2, body.length);
        return ScriptFiles.write(dir, "a_x.sql", lines);
    }

    @Test
    void anUnknownDialectIsReportedWithTheAcceptedNames() {
        Path file = file("-- migrate:upgrade dialect=oracle");

        assertThat(ScriptFiles.problems(file)).containsExactly(new Problem(file, 3,
                "unknown dialect 'oracle'; expected one of postgresql, mysql, sqlite (mariadb is read as mysql)"));
    }

    @Test
    void anUnknownOptionIsReportedWithTheValidOptionsOfItsDirection() {
        Path file = file("-- migrate:upgrade transactional=false", "-- migrate:downgrade fast");

        assertThat(ScriptFiles.problems(file)).containsExactly(
                new Problem(file, 3, "unknown option 'transactional=false' in a '-- migrate:upgrade' marker;"
                        + " expected dialect=postgresql|mysql|sqlite|mariadb, transaction=false, whole"),
                new Problem(file, 4, "unknown option 'fast' in a '-- migrate:downgrade' marker;"
                        + " expected dialect=postgresql|mysql|sqlite|mariadb, transaction=false, whole, irreversible"));
    }

    @Test
    void badOptionValuesAndRepeatsAreReported() {
        Path file = file(
                "-- migrate:upgrade transaction=no",
                "-- migrate:upgrade dialect=mysql dialect=sqlite",
                "-- migrate:downgrade irreversible transaction=false");

        assertThat(ScriptFiles.problems(file)).containsExactly(
                new Problem(file, 3, "unknown value in 'transaction=no'; expected transaction=false"
                        + " (or transaction=true, the default)"),
                new Problem(file, 4, "option 'dialect' given twice in one marker; give it once"),
                new Problem(file, 5, "option 'transaction=false' means nothing on an irreversible section; remove it"));
    }

    @Test
    void irreversibleIsOnlyForDowngrades() {
        Path file = file("-- migrate:upgrade irreversible");

        assertThat(ScriptFiles.problems(file)).containsExactly(new Problem(file, 3,
                "option 'irreversible' is only for downgrade sections; an upgrade must be written"));
    }

    @Test
    void aSecondSectionForTheSameDirectionAndDialectNamesBothLines() {
        Path file = file(
                "-- migrate:upgrade",
                "SELECT 1;",
                "-- migrate:upgrade dialect=mysql",
                "-- migrate:upgrade",
                "-- migrate:upgrade dialect=mariadb");

        assertThat(ScriptFiles.problems(file)).containsExactly(
                new Problem(file, 6, "the generic upgrade section appears twice, at lines 3 and 6;"
                        + " put its SQL in one section"),
                new Problem(file, 7, "the upgrade section for mysql appears twice, at lines 5 and 7;"
                        + " put its SQL in one section"));
    }

    @Test
    void sqlBeforeTheFirstMarkerIsOutsideASection() {
        Path file = file(
                "",
                "-- a comment is fine",
                "/* so is a block",
                "   comment */",
                "CREATE TABLE accounts (id int PRIMARY KEY, name varchar(200) NOT NULL, email varchar(200));",
                "-- migrate:upgrade");

        assertThat(ScriptFiles.problems(file)).containsExactly(new Problem(file, 7,
                "SQL outside a section ('CREATE TABLE accounts (id int PRIMARY KEY, name varchar(2...');"
                        + " move it below a '-- migrate:upgrade' or '-- migrate:downgrade' line"));
    }

    @Test
    void aFileWithoutAnUpgradeMarkerIsReportedForTheWholeFile() {
        Path file = file("-- migrate:downgrade", "DROP TABLE t;");

        assertThat(ScriptFiles.problems(file)).containsExactly(new Problem(file, 0,
                "no '-- migrate:upgrade' section; every migration file needs one (it may be empty)"));
        assertThat(ScriptFiles.problems(file).get(0).toString()).isEqualTo(file
                + ": no '-- migrate:upgrade' section; every migration file needs one (it may be empty)");
    }

    @Test
    void sqlWithoutAnyMarkerIsBothOutsideASectionAndMissingAnUpgrade() {
        Path file = file("CREATE TABLE t (id int);");

        assertThat(ScriptFiles.problems(file)).containsExactly(
                new Problem(file, 0, "no '-- migrate:upgrade' section; every migration file needs one (it may be empty)"),
                new Problem(file, 3, "SQL outside a section ('CREATE TABLE t (id int);'); move it below a"
                        + " '-- migrate:upgrade' or '-- migrate:downgrade' line"));
    }

    @Test
    void anIrreversibleSectionWithSqlIsRejectedAtTheSqlLine() {
        Path file = file(
                "-- migrate:upgrade",
                "-- migrate:downgrade irreversible",
                "-- cannot be undone, but:",
                "DROP TABLE t;");

        assertThat(ScriptFiles.problems(file)).containsExactly(new Problem(file, 6,
                "SQL in an irreversible downgrade section (marked at line 4); it may hold only comments saying why:"
                        + " remove the SQL or the 'irreversible' option"));
    }

    @Test
    void aMisspelledMarkerIsReportedNotSwallowedIntoTheSectionAbove() {
        Path file = file("-- migrate:upgrade", "CREATE TABLE t (id int);", "-- migrate:downgarde", "DROP TABLE t;");

        assertThat(ScriptFiles.problems(file)).containsExactly(new Problem(file, 5,
                "unknown section marker '-- migrate:downgarde'; expected '-- migrate:upgrade' or"
                        + " '-- migrate:downgrade'"));
    }

    @Test
    void aMalformedUpgradeMarkerDoesNotAlsoCountAsAMissingUpgrade() {
        Path file = file("-- migrate:upgrade dialect=db2");

        assertThat(ScriptFiles.problems(file)).extracting(Problem::line).containsExactly(3);
    }
}
