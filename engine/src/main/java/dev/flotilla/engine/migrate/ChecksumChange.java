package dev.flotilla.engine.migrate;

import java.util.Objects;

/**
 * A revision applied on a target whose file has changed since: the checksum it ran with and the file's
 * checksum now (lower-case hex SHA-256).
 */
public record ChecksumChange(String revision, String appliedWith, String fileNow) {

    public ChecksumChange {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(appliedWith, "appliedWith");
        Objects.requireNonNull(fileNow, "fileNow");
    }

    /** One line for a report: the revision and both checksums, shortened. */
    public String describe() {
        return revision + ": applied with " + appliedWith.substring(0, Math.min(12, appliedWith.length()))
                + "…, file now " + fileNow.substring(0, Math.min(12, fileNow.length())) + "…";
    }
}
