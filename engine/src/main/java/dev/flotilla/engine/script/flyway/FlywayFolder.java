package dev.flotilla.engine.script.flyway;

import dev.flotilla.engine.revision.Direction;
import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.revision.RevisionException;
import dev.flotilla.engine.revision.RevisionGraph;
import dev.flotilla.engine.script.Dialects;
import dev.flotilla.engine.script.MigrationSet;
import dev.flotilla.engine.script.Problem;
import dev.flotilla.engine.script.ScriptException;
import dev.flotilla.engine.script.SqlFile;
import dev.flotilla.engine.script.StepSql;
import dev.flotilla.engine.script.WholeFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Flyway migrations folder read as it is: every {@code V<version>__<description>.sql} file is a
 * revision, ordered by version number by number ({@code 1.9} before {@code 1.10}), each following the
 * one before; an optional {@code U<version>__<description>.sql} undo file is its downgrade. The revision
 * id is the version with {@code _} written as {@code .} ({@code V1_10__x.sql} is {@code 1.10}).
 *
 * <p>A Flyway folder is written for one database: the set serves the same SQL to whichever dialect asks.
 * Every step runs in a transaction, as Flyway runs each file, unless the file is listed as
 * {@linkplain WholeFiles whole}. Immutable and thread-safe once loaded; later changes to the folder are
 * not seen.
 */
public final class FlywayFolder implements MigrationSet {

    private final Path dir;
    private final Map<String, FlywayMigration> byId = new LinkedHashMap<>();
    private final RevisionGraph graph;

    private FlywayFolder(Path dir, List<FlywayMigration> migrations) {
        this.dir = dir;
        List<Revision> revisions = new ArrayList<>();
        String previous = null;
        for (FlywayMigration m : migrations) {
            byId.put(m.id(), m);
            List<String> down = previous == null ? List.of() : List.of(previous);
            revisions.add(new Revision(m.id(), down, List.of(), List.of(), m.name().description(),
                    m.versioned().path().toString()));
            previous = m.id();
        }
        this.graph = RevisionGraph.of(revisions);
    }

    /**
     * Reads every file of the folder; throws {@link ScriptException} with every problem found: bad names,
     * repeatable ({@code R__}) files, two files of one version, an undo file without its version, files
     * that are not UTF-8, whole-file patterns that match nothing.
     */
    public static FlywayFolder load(Path dir, WholeFiles whole) {
        FlywayScan scan = FlywayScan.of(dir, whole);
        if (!scan.problems().isEmpty()) {
            throw new ScriptException(scan.problems());
        }
        return new FlywayFolder(dir, scan.migrations());
    }

    /** Every problem {@link #load} would report, empty when it would succeed. */
    public static List<Problem> check(Path dir, WholeFiles whole) {
        return FlywayScan.of(dir, whole).problems();
    }

    @Override
    public Path location() {
        return dir;
    }

    @Override
    public RevisionGraph graph() {
        return graph;
    }

    /**
     * The {@code V} file's text up, the {@code U} file's down; the same for every dialect. A revision
     * without an undo file cannot be downgraded: {@link ScriptException} naming its file.
     */
    @Override
    public StepSql sql(String revision, Direction direction, String dialect) {
        Dialects.require(dialect);
        FlywayMigration m = migration(revision);
        if (direction == Direction.UP) {
            return step(m, direction, m.versioned(), m.wholeUp());
        }
        if (m.undo() == null) {
            String undoName = "U" + m.versioned().path().getFileName().toString().substring(1);
            throw new ScriptException(List.of(new Problem(m.versioned().path(), 0, "revision " + revision
                    + " has no undo file, so it cannot be downgraded; write its downgrade in " + undoName
                    + " next to it")));
        }
        return step(m, direction, m.undo(), m.wholeDown());
    }

    /** SHA-256 of the {@code V} file's text with LF line endings; the undo file does not count. */
    @Override
    public String checksum(String revision) {
        return migration(revision).versioned().checksum();
    }

    private StepSql step(FlywayMigration m, Direction direction, SqlFile file, boolean whole) {
        return new StepSql(m.id(), direction, file.path(), 1, file.text(), true, whole, m.versioned().checksum());
    }

    private FlywayMigration migration(String revision) {
        FlywayMigration m = byId.get(revision);
        if (m == null) {
            throw new RevisionException("No Flyway migration in " + dir + " has version '" + revision
                    + "' (ids are versions with '.' between the numbers, e.g. 1.10)");
        }
        return m;
    }
}
