package dev.flotilla.engine.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.script.Section.Direction;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SectionLookupTest {

    @TempDir
    Path dir;

    @Test
    void aGenericSectionKeepsItsBodyVerbatimAndServesEveryDialect() {
        Path file = ScriptFiles.write(dir, "a_x.sql",
                "-- revision: a",
                "-- down_revision:",
                "",
                "-- migrate:upgrade",
                "CREATE TABLE t (",
                "    id int  -- the key",
                ");",
                "",
                "-- migrate:downgrade",
                "DROP TABLE t;");
        MigrationScript script = MigrationScript.read(file);

        Section upgrade = script.upgradeFor("sqlite");

        assertThat(upgrade).isEqualTo(new Section(Direction.UPGRADE, null, true, false, 4,
                "CREATE TABLE t (\n    id int  -- the key\n);\n\n"));
        assertThat(upgrade.firstBodyLine()).isEqualTo(5);
        assertThat(script.upgradeFor("postgresql")).isEqualTo(upgrade);
        assertThat(script.upgradeFor("mysql")).isEqualTo(upgrade);
        assertThat(script.downgradeFor("mysql")).isEqualTo(new Downgrade.Written(
                new Section(Direction.DOWNGRADE, null, true, false, 9, "DROP TABLE t;\n")));
    }

    @Test
    void aDialectSectionWinsAndOtherDialectsFallBackToTheGenericOne() {
        Path file = ScriptFiles.write(dir, "a_x.sql",
                "-- revision: a",
                "-- down_revision:",
                "-- migrate:upgrade dialect=postgresql",
                "CREATE TABLE t (id serial);",
                "-- migrate:upgrade",
                "CREATE TABLE t (id int);",
                "-- migrate:downgrade",
                "DROP TABLE t;",
                "-- migrate:downgrade dialect=sqlite",
                "DROP TABLE IF EXISTS t;");
        MigrationScript script = MigrationScript.read(file);

        assertThat(script.upgradeFor("postgresql"))
                .isEqualTo(new Section(Direction.UPGRADE, "postgresql", true, false, 3, "CREATE TABLE t (id serial);\n"));
        assertThat(script.upgradeFor("sqlite"))
                .isEqualTo(new Section(Direction.UPGRADE, null, true, false, 5, "CREATE TABLE t (id int);\n"));
        assertThat(script.downgradeFor("sqlite").sectionOrThrow())
                .isEqualTo(new Section(Direction.DOWNGRADE, "sqlite", true, false, 9, "DROP TABLE IF EXISTS t;\n"));
        assertThat(script.downgradeFor("postgresql").sectionOrThrow())
                .isEqualTo(new Section(Direction.DOWNGRADE, null, true, false, 7, "DROP TABLE t;\n"));
    }

    @Test
    void mariadbIsReadAsMysqlInMarkersAndLookups() {
        Path file = ScriptFiles.write(dir, "a_x.sql",
                "-- revision: a",
                "-- down_revision:",
                "-- migrate:upgrade dialect=mariadb",
                "CREATE TABLE t (id int) ENGINE=InnoDB;");
        MigrationScript script = MigrationScript.read(file);

        Section expected = new Section(Direction.UPGRADE, "mysql", true, false, 3, "CREATE TABLE t (id int) ENGINE=InnoDB;\n");
        assertThat(script.upgradeFor("mysql")).isEqualTo(expected);
        assertThat(script.upgradeFor("mariadb")).isEqualTo(expected);
    }

    @Test
    void transactionFalseIsRecordedOnTheSectionWhateverTheOptionOrder() {
        Path file = ScriptFiles.write(dir, "a_x.sql",
                "-- revision: a",
                "-- down_revision:",
                "--   migrate:upgrade    transaction=false   dialect=postgresql  ",
                "CREATE INDEX CONCURRENTLY i ON t (c);",
                "-- migrate:downgrade transaction=false",
                "DROP INDEX CONCURRENTLY i;");
        MigrationScript script = MigrationScript.read(file);

        assertThat(script.upgradeFor("postgresql")).isEqualTo(new Section(Direction.UPGRADE, "postgresql", false, false, 3,
                "CREATE INDEX CONCURRENTLY i ON t (c);\n"));
        assertThat(script.downgradeFor("postgresql").sectionOrThrow().transactional()).isFalse();
    }

    @Test
    void aDialectWithNoUpgradeSectionIsAnErrorNamingFileAndDialect() {
        Path file = ScriptFiles.write(dir, "a_x.sql",
                "-- revision: a",
                "-- down_revision:",
                "-- migrate:upgrade dialect=sqlite",
                "-- migrate:upgrade dialect=postgresql");
        MigrationScript script = MigrationScript.read(file);

        assertThatThrownBy(() -> script.upgradeFor("mysql"))
                .isInstanceOf(ScriptException.class)
                .hasMessage(file + ": revision a has no upgrade section for mysql (it has dialect=postgresql,"
                        + " dialect=sqlite); add a '-- migrate:upgrade dialect=mysql' section, or a generic"
                        + " '-- migrate:upgrade' one");
    }

    @Test
    void askingForADialectNoDatabaseHasIsAProgrammingError() {
        Path file = ScriptFiles.write(dir, "a_x.sql", "-- revision: a", "-- down_revision:", "-- migrate:upgrade");
        MigrationScript script = MigrationScript.read(file);

        assertThatThrownBy(() -> script.upgradeFor("oracle"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown dialect 'oracle'; expected one of postgresql, mysql, sqlite (mariadb is read as mysql)");
        assertThatThrownBy(() -> script.downgradeFor("Postgresql")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMarkerOnTheLastLineWithoutNewlineHasAnEmptyBody() {
        Path file = ScriptFiles.writeText(dir, "a_x.sql", "-- revision: a\n-- down_revision:\n-- migrate:upgrade");

        assertThat(MigrationScript.read(file).upgradeFor("sqlite").body()).isEmpty();
    }
}
