package dev.flotilla.engine.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.script.Section.Direction;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DowngradeKindsTest {

    @TempDir
    Path dir;

    @Test
    void aWrittenDowngradeGivesItsSection() {
        Path file = ScriptFiles.revision(dir, "a_x.sql", "a", "");

        Downgrade downgrade = MigrationScript.read(file).downgradeFor("postgresql");

        assertThat(downgrade).isEqualTo(new Downgrade.Written(
                new Section(Direction.DOWNGRADE, null, true, false, 6, "DROP TABLE t_a;\n")));
    }

    @Test
    void anIrreversibleDowngradeKeepsItsCommentsAsTheReason() {
        Path file = ScriptFiles.write(dir, "a_x.sql",
                "-- revision: a",
                "-- down_revision:",
                "-- migrate:upgrade",
                "DELETE FROM audit_log;",
                "-- migrate:downgrade irreversible",
                "-- The deleted rows are gone;",
                "",
                "/* restore them from",
                "   the nightly backup. */");

        Downgrade downgrade = MigrationScript.read(file).downgradeFor("sqlite");

        assertThat(downgrade).isEqualTo(new Downgrade.Irreversible("a", file, 5,
                "The deleted rows are gone; restore them from the nightly backup."));
        assertThatThrownBy(downgrade::sectionOrThrow)
                .isInstanceOf(ScriptException.class)
                .hasMessage(file + ":5: revision a is marked irreversible and cannot be downgraded: The deleted rows"
                        + " are gone; restore them from the nightly backup.");
    }

    @Test
    void anIrreversibleDowngradeMayHaveNoCommentAtAll() {
        Path file = ScriptFiles.write(dir, "a_x.sql",
                "-- revision: a",
                "-- down_revision:",
                "-- migrate:upgrade",
                "-- migrate:downgrade irreversible");

        Downgrade downgrade = MigrationScript.read(file).downgradeFor("mysql");

        assertThat(downgrade).isEqualTo(new Downgrade.Irreversible("a", file, 4, ""));
        assertThatThrownBy(downgrade::sectionOrThrow)
                .hasMessage(file + ":4: revision a is marked irreversible and cannot be downgraded");
    }

    @Test
    void aMissingDowngradeIsAbsentWithItsOwnMessage() {
        Path file = ScriptFiles.write(dir, "a_x.sql",
                "-- revision: a",
                "-- down_revision:",
                "-- migrate:upgrade",
                "CREATE TABLE t (id int);",
                "-- migrate:downgrade dialect=postgresql",
                "DROP TABLE t;");
        MigrationScript script = MigrationScript.read(file);

        Downgrade downgrade = script.downgradeFor("mariadb");

        assertThat(downgrade).isEqualTo(new Downgrade.Absent("a", file, "mysql"));
        assertThatThrownBy(downgrade::sectionOrThrow)
                .isInstanceOf(ScriptException.class)
                .hasMessage(file + ": revision a has no downgrade section for mysql; write one after a"
                        + " '-- migrate:downgrade' line, or mark it '-- migrate:downgrade irreversible' if it"
                        + " cannot be undone");
        assertThat(script.downgradeFor("postgresql")).isInstanceOf(Downgrade.Written.class);
    }

    @Test
    void aDialectMayBeIrreversibleWhereTheGenericDowngradeIsWritten() {
        Path file = ScriptFiles.write(dir, "a_x.sql",
                "-- revision: a",
                "-- down_revision:",
                "-- migrate:upgrade",
                "ALTER TABLE t DROP COLUMN c;",
                "-- migrate:downgrade",
                "ALTER TABLE t ADD COLUMN c int;",
                "-- migrate:downgrade dialect=sqlite irreversible",
                "-- old SQLite cannot add the column back with its constraint");
        MigrationScript script = MigrationScript.read(file);

        assertThat(script.downgradeFor("sqlite")).isEqualTo(new Downgrade.Irreversible("a", file, 7,
                "old SQLite cannot add the column back with its constraint"));
        assertThat(script.downgradeFor("postgresql")).isInstanceOf(Downgrade.Written.class);
    }
}
