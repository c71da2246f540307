package dev.flotilla.engine.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.revision.GraphProblem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the graph's problems are pointed at header lines; independent of the graph's own checks. */
class GraphProblemsTest {

    @TempDir
    Path dir;

    private GraphProblems locator(Path... files) {
        return new GraphProblems(dir, List.of(files).stream().map(MigrationScript::read).toList());
    }

    @Test
    void eachFieldPointsAtItsHeaderLine() {
        Path file = ScriptFiles.write(dir, "b_x.sql",
                "-- message: b",
                "-- revision: b",
                "-- branch_labels: main",
                "-- down_revision: a",
                "-- depends_on: lib",
                "-- migrate:upgrade");
        GraphProblems locator = locator(file);

        assertThat(locator.locate(List.of(
                new GraphProblem("b", "revision", "r"),
                new GraphProblem("b", "down_revision", "d"),
                new GraphProblem("b", "depends_on", "o"),
                new GraphProblem("b", "branch_labels", "l")))).containsExactly(
                new Problem(file, 2, "r"),
                new Problem(file, 4, "d"),
                new Problem(file, 5, "o"),
                new Problem(file, 3, "l"));
    }

    @Test
    void aFieldNotInTheHeaderPointsAtTheRevisionLine() {
        Path file = ScriptFiles.write(dir, "b_x.sql", "", "-- revision: b", "-- down_revision: a", "-- migrate:upgrade");

        assertThat(locator(file).locate(new GraphProblem("b", "branch_labels", "clash")))
                .isEqualTo(new Problem(file, 2, "clash"));
        assertThat(locator(file).locate(new GraphProblem("b", null, "odd"))).isEqualTo(new Problem(file, 2, "odd"));
    }

    @Test
    void aRevisionNoFileDeclaresPointsAtTheFolder() {
        Path file = ScriptFiles.write(dir, "b_x.sql", "-- revision: b", "-- down_revision:", "-- migrate:upgrade");

        assertThat(locator(file).locate(new GraphProblem("zz", "revision", "where?")))
                .isEqualTo(new Problem(dir, 0, "where?"));
    }
}
