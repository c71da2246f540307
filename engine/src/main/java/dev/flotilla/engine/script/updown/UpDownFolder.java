package dev.flotilla.engine.script.updown;

import dev.flotilla.engine.revision.Direction;
import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.revision.RevisionException;
import dev.flotilla.engine.revision.RevisionGraph;
import dev.flotilla.engine.script.Dialects;
import dev.flotilla.engine.script.MigrationSet;
import dev.flotilla.engine.script.Problem;
import dev.flotilla.engine.script.ScriptException;
import dev.flotilla.engine.script.StepSql;
import dev.flotilla.engine.script.WholeFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A folder of up/down file pairs read as it is (golang-migrate, ory/popx, authelia and the like; see
 * {@link UpDownNaming}). Each version is a revision whose id is the version as written (leading zeros
 * kept), ordered by number and each following the one before.
 *
 * <p>For a dialect a version's file is the dialect's own, else the generic one. A version with neither,
 * up or down, is a no-op step on that dialect (empty SQL): the graph is shared by every dialect, so the
 * version is passed through and recorded rather than left out, which is what popx's skipping amounts to.
 * A version with an up file for a dialect but no down file cannot be downgraded there. An
 * {@code .autocommit} file runs outside a transaction. Immutable and thread-safe once loaded.
 */
public final class UpDownFolder implements MigrationSet {

    private final Path dir;
    private final Map<String, UpDownVersion> byId = new LinkedHashMap<>();
    private final Map<String, String> checksums = new HashMap<>();
    private final RevisionGraph graph;

    private UpDownFolder(Path dir, List<UpDownVersion> versions) {
        this.dir = dir;
        List<Revision> revisions = new ArrayList<>();
        String previous = null;
        for (UpDownVersion v : versions) {
            byId.put(v.version(), v);
            checksums.put(v.version(), v.checksum());
            List<String> down = previous == null ? List.of() : List.of(previous);
            revisions.add(new Revision(v.version(), down, List.of(), List.of(), v.name().replace('_', ' '),
                    v.source().toString()));
            previous = v.version();
        }
        this.graph = RevisionGraph.of(revisions);
    }

    /**
     * Reads every file of the folder; throws {@link ScriptException} with every problem found: names that
     * do not follow the naming, unknown dialects, two files for one version, dialect and direction,
     * files that are not UTF-8, whole-file patterns that match nothing.
     */
    public static UpDownFolder load(Path dir, UpDownNaming naming, WholeFiles whole) {
        UpDownScan scan = UpDownScan.of(dir, naming, whole);
        if (!scan.problems().isEmpty()) {
            throw new ScriptException(scan.problems());
        }
        return new UpDownFolder(dir, scan.versions());
    }

    /** Every problem {@link #load} would report, empty when it would succeed. */
    public static List<Problem> check(Path dir, UpDownNaming naming, WholeFiles whole) {
        return UpDownScan.of(dir, naming, whole).problems();
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
     * The version's file for the dialect (its own, else the generic one); a no-op step (empty text, the
     * folder as its file) when the version has no file for the dialect in either direction. A down step
     * where there is an up file but no down file is a {@link ScriptException} naming the file to write.
     */
    @Override
    public StepSql sql(String revision, Direction direction, String dialect) {
        String name = Dialects.require(dialect);
        UpDownVersion v = version(revision);
        UpDownFile file = v.file(name, direction);
        if (file != null) {
            return new StepSql(revision, direction, file.sql().path(), 1, file.sql().text(), !file.name().autocommit(),
                    file.whole(), checksums.get(revision));
        }
        UpDownFile up = v.file(name, Direction.UP);
        if (direction == Direction.DOWN && up != null) {
            throw new ScriptException(List.of(new Problem(up.sql().path(), 0, "revision " + revision
                    + " has no down file for " + name + ", so it cannot be downgraded; write its downgrade in "
                    + up.name().counterpart() + " next to it")));
        }
        return new StepSql(revision, direction, dir, 1, "", true, false, checksums.get(revision));
    }

    /** SHA-256 over the version's files: see {@code docs/script-formats.md}. */
    @Override
    public String checksum(String revision) {
        version(revision);
        return checksums.get(revision);
    }

    private UpDownVersion version(String revision) {
        UpDownVersion v = byId.get(revision);
        if (v == null) {
            throw new RevisionException("No up/down migration in " + dir + " has version '" + revision
                    + "' (ids are versions as written, leading zeros kept)");
        }
        return v;
    }
}
