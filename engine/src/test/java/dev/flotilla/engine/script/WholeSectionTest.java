package dev.flotilla.engine.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.revision.Direction;
import dev.flotilla.engine.sql.SqlDialect;
import dev.flotilla.engine.sql.SqlStatement;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code whole} marker option: a section that reaches the server unsplit, outside a transaction. */
class WholeSectionTest {

    @TempDir
    Path dir;

    @Test
    void aWholeSectionIsOneStatementAndRunsOutsideATransaction() {
        ScriptFiles.write(dir.resolve("versions"), "a_procs.sql",
                "-- revision: a",
                "-- down_revision:",
                "",
                "-- migrate:upgrade dialect=mysql whole",
                "CREATE PROCEDURE p()",
                "BEGIN",
                "  SELECT 1;",
                "END;",
                "CALL p();",
                "-- migrate:upgrade",
                "SELECT 1; SELECT 2;",
                "-- migrate:downgrade whole dialect=mariadb",
                "DROP PROCEDURE p;");
        ScriptDirectory set = ScriptDirectory.load(dir.resolve("versions"));

        StepSql up = set.sql("a", Direction.UP, "mysql");
        assertThat(up.whole()).isTrue();
        assertThat(up.transactional()).isTrue();
        assertThat(up.runsInTransaction()).isFalse();
        assertThat(up.statements(SqlDialect.MYSQL)).containsExactly(new SqlStatement(
                "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nEND;\nCALL p();", 5));
        assertThat(set.sql("a", Direction.DOWN, "mysql").whole()).isTrue();

        StepSql generic = set.sql("a", Direction.UP, "postgresql");
        assertThat(generic.whole()).isFalse();
        assertThat(generic.statements(SqlDialect.POSTGRESQL)).hasSize(2);
        assertThat(set.scripts().get(0).upgradeFor("mysql"))
                .isEqualTo(new Section(Section.Direction.UPGRADE, "mysql", true, true, 4,
                        "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nEND;\nCALL p();\n"));
    }

    @Test
    void wholeOnAnIrreversibleSectionOrTwiceIsAnError() {
        Path file = ScriptFiles.write(dir, "a_x.sql",
                "-- revision: a",
                "-- down_revision:",
                "-- migrate:upgrade whole whole",
                "-- migrate:downgrade irreversible whole");

        assertThat(ScriptFiles.problems(file)).containsExactly(
                new Problem(file, 3, "option 'whole' given twice in one marker; give it once"),
                new Problem(file, 4, "option 'whole' means nothing on an irreversible section; remove it"));
    }

    @Test
    void wholeTakesNoValue() {
        Path file = ScriptFiles.write(dir, "a_x.sql",
                "-- revision: a",
                "-- down_revision:",
                "-- migrate:upgrade whole=true");

        assertThat(ScriptFiles.problems(file)).containsExactly(new Problem(file, 3,
                "unknown option 'whole=true' in a '-- migrate:upgrade' marker;"
                        + " expected dialect=postgresql|mysql|sqlite|mariadb, transaction=false, whole"));
    }
}
