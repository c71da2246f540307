package dev.flotilla.engine.script;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What {@code revision} and {@code merge} write: a new revision file's header. Lists may be empty,
 * never null. STUB: validation is being written.
 */
public record NewRevision(
        String id,
        List<String> downRevisions,
        List<String> branchLabels,
        List<String> dependsOn,
        String message,
        OffsetDateTime createDate) {
}
