package dev.flotilla.engine.migrate;

import dev.flotilla.engine.script.ScriptDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A versions folder written by a test, one revision file at a time. */
final class Scripts {

    private final Path versions;

    Scripts(Path root) {
        this.versions = root.resolve("versions");
        try {
            Files.createDirectories(versions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code <id>_step.sql} with the given sections (a generic upgrade and downgrade). */
    Scripts revision(String id, String down, String upgrade, String downgrade) {
        String text = "-- revision: " + id + "\n-- down_revision: " + (down == null ? "" : down) + "\n-- message: step "
                + id + "\n\n-- migrate:upgrade\n" + upgrade + "\n\n-- migrate:downgrade\n" + downgrade + "\n";
        return write(id, text);
    }

    /** Writes a file verbatim. */
    Scripts write(String id, String text) {
        try {
            Files.writeString(versions.resolve(id + "_step.sql"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Path file(String id) {
        return versions.resolve(id + "_step.sql");
    }

    ScriptDirectory load() {
        return ScriptDirectory.load(versions);
    }
}
