package dev.flotilla.engine.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeaderProblemsTest {

    @TempDir
    Path dir;

    @Test
    void anUnknownKeyIsReportedWithTheKnownKeys() {
        Path file = ScriptFiles.write(dir, "ae1_x.sql",
                "-- revision: ae1",
                "-- down_revision:",
                "-- down_revison: 9f0",
                "-- migrate:upgrade");

        assertThat(ScriptFiles.problems(file)).containsExactly(new Problem(file, 3,
                "unknown header key 'down_revison'; expected one of revision, down_revision, branch_labels,"
                        + " depends_on, message, create_date"));
        assertThat(ScriptFiles.problems(file).get(0).toString()).isEqualTo(file + ":3: unknown header key"
                + " 'down_revison'; expected one of revision, down_revision, branch_labels, depends_on, message,"
                + " create_date");
    }

    @Test
    void aCommentRightUnderTheHeaderThatLooksLikeAKeyIsAnUnknownKey() {
        Path file = ScriptFiles.write(dir, "ae1_x.sql",
                "-- revision: ae1",
                "-- down_revision:",
                "-- TODO: index this",
                "-- migrate:upgrade");

        assertThat(ScriptFiles.problems(file)).containsExactly(new Problem(file, 3,
                "unknown header key 'TODO'; expected one of revision, down_revision, branch_labels,"
                        + " depends_on, message, create_date"));
    }

    @Test
    void aRepeatedKeyNamesBothLines() {
        Path file = ScriptFiles.write(dir, "ae1_x.sql",
                "-- revision: ae1",
                "-- message: one",
                "-- down_revision:",
                "-- message: two",
                "-- migrate:upgrade");

        assertThat(ScriptFiles.problems(file)).containsExactly(new Problem(file, 4,
                "header key 'message' appears twice, at lines 2 and 4; give each key once"));
    }

    @Test
    void aMissingRevisionLineIsReportedAtLineOne() {
        Path file = ScriptFiles.write(dir, "ae1_x.sql", "-- down_revision:", "-- migrate:upgrade");

        assertThat(ScriptFiles.problems(file)).containsExactly(new Problem(file, 1,
                "no '-- revision: <id>' header line; every migration file starts with one"));
    }

    @Test
    void aMissingDownRevisionLineIsReportedAtLineOne() {
        Path file = ScriptFiles.write(dir, "ae1_x.sql", "-- revision: ae1", "-- migrate:upgrade");

        assertThat(ScriptFiles.problems(file)).containsExactly(new Problem(file, 1,
                "no '-- down_revision:' header line; name the revision(s) this one follows,"
                        + " or leave the value empty for a base revision"));
    }

    @Test
    void anIllegalCharacterInTheIdIsReportedAtTheRevisionLine() {
        Path file = ScriptFiles.write(dir, "ae1_x.sql",
                "",
                "-- revision: ae@1",
                "-- down_revision:",
                "-- migrate:upgrade");

        assertThat(ScriptFiles.problems(file)).containsExactly(new Problem(file, 2,
                "Character '@' is not allowed in revision id 'ae@1'; ids may not contain whitespace or any of @-+:,."));
    }

    @Test
    void aSelfLoopIsReportedAtTheDownRevisionLine() {
        Path file = ScriptFiles.write(dir, "ae1_x.sql",
                "-- revision: ae1",
                "-- message: loops",
                "-- down_revision: 9f0, ae1",
                "-- migrate:upgrade");

        assertThat(ScriptFiles.problems(file)).containsExactly(new Problem(file, 3,
                "Revision ae1 names itself as its down_revision (a self-loop); point it at the revision it follows."));
    }

    @Test
    void problemsInSeveralFieldsAreAllReportedAtTheirOwnLines() {
        Path file = ScriptFiles.write(dir, "ae1_x.sql",
                "-- revision: ae1",
                "-- down_revision: 9f0,",
                "-- branch_labels: a b",
                "-- depends_on: ae1",
                "-- migrate:upgrade");

        assertThat(ScriptFiles.problems(file)).containsExactly(
                new Problem(file, 2, "Revision ae1 has an empty entry in down_revision."),
                new Problem(file, 3, "Character ' ' is not allowed in branch label 'a b' of revision ae1."),
                new Problem(file, 4, "Revision ae1 names itself in depends_on (a dependency self-loop); remove it."));
    }

    @Test
    void anEmptyFileLacksBothRequiredKeysAndAnUpgradeSection() {
        Path file = ScriptFiles.writeText(dir, "ae1_x.sql", "");

        assertThat(ScriptFiles.problems(file)).containsExactly(
                new Problem(file, 0, "no '-- migrate:upgrade' section; every migration file needs one (it may be empty)"),
                new Problem(file, 1, "no '-- revision: <id>' header line; every migration file starts with one"),
                new Problem(file, 1, "no '-- down_revision:' header line; name the revision(s) this one follows,"
                        + " or leave the value empty for a base revision"));
    }
}
