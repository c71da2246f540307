package dev.flotilla.engine.script;

import java.nio.file.Path;

/** Writes new revision files. STUB: being written. */
public final class ScriptWriter {

    private ScriptWriter() {
    }

    /**
     * Writes {@code <id>_<slug>.sql} into the versions folder with a header for {@code spec} and empty
     * upgrade and downgrade sections; refuses to overwrite. Returns the path written.
     */
    public static Path write(Path versionsDir, NewRevision spec) {
        throw new UnsupportedOperationException("being written");
    }
}
