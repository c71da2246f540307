package dev.flotilla.engine.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.revision.RevisionException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a sound folder, and the graph's problems pointed at files. Needs the real RevisionGraph. */
class ScriptDirectoryLoadTest {

    @TempDir
    Path dir;

    @Test
    void scriptsAndGraphFollowFileNameOrder() {
        Path c = ScriptFiles.revision(dir, "30_c.sql", "c", "b");
        Path a = ScriptFiles.revision(dir, "10_a.sql", "a", "");
        Path b = ScriptFiles.revision(dir, "20_b.sql", "b", "a");
        ScriptFiles.writeText(dir, "README.md", "not a script\n");

        ScriptDirectory loaded = ScriptDirectory.load(dir);

        assertThat(loaded.versionsDir()).isEqualTo(dir);
        assertThat(loaded.scripts()).extracting(MigrationScript::path).containsExactly(a, b, c);
        assertThat(loaded.graph().revisions()).extracting(Revision::id).containsExactly("a", "b", "c");
        assertThat(loaded.graph().heads()).containsExactly("c");
        assertThat(loaded.script("b").path()).isEqualTo(b);
    }

    @Test
    void aRelativeFolderGivesRelativeSources() {
        Path relative = Path.of("").toAbsolutePath().relativize(dir);
        ScriptFiles.revision(dir, "a_x.sql", "a", "");

        MigrationScript script = ScriptDirectory.load(relative).script("a");

        assertThat(script.path()).isEqualTo(relative.resolve("a_x.sql")).isRelative();
        assertThat(script.revision().source()).isEqualTo(relative.resolve("a_x.sql").toString());
    }

    @Test
    void anEmptyFolderLoadsAsAnEmptyGraph() {
        ScriptDirectory loaded = ScriptDirectory.load(dir);

        assertThat(loaded.scripts()).isEmpty();
        assertThat(loaded.graph().isEmpty()).isTrue();
        assertThat(ScriptDirectory.check(dir)).isEmpty();
    }

    @Test
    void anUnknownIdIsAClearError() {
        ScriptFiles.revision(dir, "a_x.sql", "a", "");
        ScriptDirectory loaded = ScriptDirectory.load(dir);

        assertThatThrownBy(() -> loaded.script("zz"))
                .isInstanceOf(RevisionException.class)
                .hasMessage("No migration file in " + dir + " declares revision 'zz'; 'flotilla history' lists"
                        + " the revisions there.");
    }

    @Test
    void loadThrowsEveryProblemThatCheckReports() {
        Path a = ScriptFiles.write(dir, "a_x.sql", "-- revision: a", "-- migrate:upgrade");
        Path b = ScriptFiles.write(dir, "b_x.sql", "-- revision: b", "-- down_revision: a");

        assertThatThrownBy(() -> ScriptDirectory.load(dir))
                .isInstanceOfSatisfying(ScriptException.class, e -> assertThat(e.problems())
                        .isEqualTo(ScriptDirectory.check(dir))
                        .extracting(Problem::path, Problem::line)
                        .containsExactly(tuple(a, 1),
                                tuple(b, 0)))
                .hasMessageStartingWith("2 problems in the migration scripts:\n  " + a + ":1: ");
    }

    @Test
    void anUnknownDownRevisionIsReportedAtThatHeaderLine() {
        ScriptFiles.revision(dir, "a_x.sql", "a", "");
        Path b = ScriptFiles.write(dir, "b_x.sql",
                "-- revision: b",
                "-- message: follows a ghost",
                "-- down_revision: ghost",
                "-- migrate:upgrade");

        List<Problem> problems = ScriptDirectory.check(dir);

        assertThat(problems).extracting(Problem::path, Problem::line)
                .containsExactly(tuple(b, 3));
        assertThat(problems.get(0).message()).contains("ghost");
    }

    @Test
    void anUnknownDependencyIsReportedAtTheDependsOnLine() {
        ScriptFiles.revision(dir, "a_x.sql", "a", "");
        Path b = ScriptFiles.write(dir, "b_x.sql",
                "-- revision: b",
                "-- down_revision: a",
                "-- depends_on: nowhere",
                "-- migrate:upgrade");

        assertThat(ScriptDirectory.check(dir)).extracting(Problem::path, Problem::line)
                .containsExactly(tuple(b, 3));
    }
}
