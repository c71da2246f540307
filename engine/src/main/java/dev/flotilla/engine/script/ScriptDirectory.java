package dev.flotilla.engine.script;

import dev.flotilla.engine.revision.Direction;
import dev.flotilla.engine.revision.RevisionException;
import dev.flotilla.engine.revision.RevisionGraph;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A versions folder: every migration file in it, parsed, and the revision graph they form. Every
 * {@code *.sql} file directly in the folder is a revision; the order of their file names is the
 * graph's revision order. Immutable and thread-safe once loaded; it does not notice later changes to
 * the folder.
 */
public final class ScriptDirectory implements MigrationSet {

    private final Path versionsDir;
    private final List<MigrationScript> scripts;
    private final Map<String, MigrationScript> byId = new HashMap<>();
    private final RevisionGraph graph;

    private ScriptDirectory(Path versionsDir, List<MigrationScript> scripts) {
        this.versionsDir = versionsDir;
        this.scripts = List.copyOf(scripts);
        for (MigrationScript script : scripts) {
            byId.put(script.revision().id(), script);
        }
        this.graph = RevisionGraph.of(scripts.stream().map(MigrationScript::revision).toList());
    }

    /** Loads and validates every script; throws {@link ScriptException} with every problem found. */
    public static ScriptDirectory load(Path versionsDir) {
        FolderScan scan = FolderScan.of(versionsDir);
        if (!scan.problems().isEmpty()) {
            throw new ScriptException(scan.problems());
        }
        return new ScriptDirectory(versionsDir, scan.scripts());
    }

    /**
     * Every problem in the folder, sorted by path then line, empty when {@link #load} would succeed. The
     * graph is validated only when every file parses and no two declare the same revision id.
     */
    public static List<Problem> check(Path versionsDir) {
        return FolderScan.of(versionsDir).problems();
    }

    public Path versionsDir() {
        return versionsDir;
    }

    @Override
    public Path location() {
        return versionsDir;
    }

    @Override
    public StepSql sql(String revision, Direction direction, String dialect) {
        MigrationScript script = script(revision);
        Section section = direction == Direction.UP
                ? script.upgradeFor(dialect)
                : script.downgradeFor(dialect).sectionOrThrow();
        return new StepSql(revision, direction, script.path(), section.firstBodyLine(), section.body(),
                section.transactional(), section.whole(), script.checksum());
    }

    @Override
    public String checksum(String revision) {
        return script(revision).checksum();
    }

    /** The scripts in file-name order. */
    public List<MigrationScript> scripts() {
        return scripts;
    }

    /** The graph of the scripts' revisions, in file-name order. */
    @Override
    public RevisionGraph graph() {
        return graph;
    }

    /**
     * The script of a revision id (exact); throws {@link RevisionException} when no file declares it.
     * Use {@code graph().get(...)} first to resolve prefixes and branch labels.
     */
    public MigrationScript script(String revisionId) {
        MigrationScript script = byId.get(revisionId);
        if (script == null) {
            throw new RevisionException("No migration file in " + versionsDir + " declares revision '" + revisionId
                    + "'; 'flotilla history' lists the revisions there.");
        }
        return script;
    }
}
