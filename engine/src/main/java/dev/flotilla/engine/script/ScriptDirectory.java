package dev.flotilla.engine.script;

import dev.flotilla.engine.revision.RevisionGraph;

import java.nio.file.Path;
import java.util.List;

/**
 * A versions folder: every migration file in it, parsed, and the revision graph they form.
 * STUB: the API is settled, the bodies are being written.
 */
public final class ScriptDirectory {

    /** Loads and validates every script; throws {@link ScriptException} with every problem found. */
    public static ScriptDirectory load(Path versionsDir) {
        throw new UnsupportedOperationException("being written");
    }

    /** Every problem in the folder (files and graph), empty when {@link #load} would succeed. */
    public static List<Problem> check(Path versionsDir) {
        throw new UnsupportedOperationException("being written");
    }

    public Path versionsDir() {
        throw new UnsupportedOperationException("being written");
    }

    /** The scripts in file-name order. */
    public List<MigrationScript> scripts() {
        throw new UnsupportedOperationException("being written");
    }

    public RevisionGraph graph() {
        throw new UnsupportedOperationException("being written");
    }

    /** The script of a revision id (exact). */
    public MigrationScript script(String revisionId) {
        throw new UnsupportedOperationException("being written");
    }
}
