package dev.flotilla.engine.script.updown;

import dev.flotilla.engine.revision.Direction;
import dev.flotilla.engine.script.SqlFile;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One version of an up/down folder: its files, at most one per dialect (or generic) and direction, and
 * the checksum over them. Immutable.
 *
 * @param version  the version as written
 * @param name     the name part of its files
 * @param source   the first of its files by name, for messages
 * @param files    by {@link #key}; files of dialects Flotilla does not run are not among them
 */
record UpDownVersion(String version, String name, Path source, Map<String, UpDownFile> files) {

    UpDownVersion {
        files = Map.copyOf(files);
    }

    /** The map key of a file: dialect (empty for generic) and direction. */
    static String key(String dialect, Direction direction) {
        return (dialect == null ? "" : dialect) + "/" + direction;
    }

    /** The file for a dialect and direction: the dialect's own, else the generic one, else null. */
    UpDownFile file(String dialect, Direction direction) {
        UpDownFile own = files.get(key(dialect, direction));
        return own != null ? own : files.get(key(null, direction));
    }

    /**
     * SHA-256 over a list of {@code <file name> <SHA-256 of its LF text>} lines, one per file in name
     * order: any change to a file's text, and any rename that changes which dialect or direction a file
     * serves, changes it.
     */
    String checksum() {
        return SqlFile.sha256(files.values().stream()
                .map(UpDownFile::sql)
                .sorted(Comparator.comparing(f -> f.path().getFileName().toString()))
                .map(f -> f.path().getFileName() + " " + f.checksum() + "\n")
                .collect(Collectors.joining()));
    }
}
