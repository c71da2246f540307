package dev.flotilla.engine.script;

import dev.flotilla.engine.revision.Direction;
import dev.flotilla.engine.revision.RevisionGraph;

import java.nio.file.Path;

/**
 * A folder of migrations read in one of the formats Flotilla understands (its own, Flyway's, up/down
 * pairs): the revision graph and, per revision, the SQL each way. What the runner needs and nothing
 * of the format. Implementations are immutable and thread-safe once loaded.
 */
public interface MigrationSet {

    /** The folder the set was read from, for messages. */
    Path location();

    /** The revisions and how they follow each other. */
    RevisionGraph graph();

    /**
     * The SQL that moves {@code revision} (an exact id) in {@code direction} on {@code dialect}
     * ({@code postgresql}, {@code mysql} or {@code sqlite}). Throws {@link ScriptException} naming the
     * file when there is none, or when a downgrade is irreversible.
     */
    StepSql sql(String revision, Direction direction, String dialect);

    /** The checksum of the file(s) {@code revision} was read from, lower-case hex. */
    String checksum(String revision);
}
