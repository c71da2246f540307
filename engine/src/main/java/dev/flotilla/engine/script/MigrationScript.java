package dev.flotilla.engine.script;

import dev.flotilla.engine.revision.Revision;

import java.nio.file.Path;

/**
 * One parsed migration file. STUB: the section model is being written; these accessors are settled.
 */
public final class MigrationScript {

    /** The revision this file declares (its {@code source} is the file's path). */
    public Revision revision() {
        throw new UnsupportedOperationException("being written");
    }

    public Path path() {
        throw new UnsupportedOperationException("being written");
    }

    /** SHA-256 of the file's text with line endings normalised to LF, lower-case hex. */
    public String checksum() {
        throw new UnsupportedOperationException("being written");
    }

    /** The {@code create_date} header as written, or empty. */
    public String createDate() {
        throw new UnsupportedOperationException("being written");
    }
}
