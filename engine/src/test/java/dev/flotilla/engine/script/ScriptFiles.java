package dev.flotilla.engine.script;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes migration files for tests and reads back what the parser makes of them. */
final class ScriptFiles {

    private ScriptFiles() {
    }

    /** Writes the lines, each ended by LF, creating the folder if needed. */
    static Path write(Path dir, String name, String... lines) {
        return writeText(dir, name, String.join("\n", lines) + "\n");
    }

    static Path writeText(Path dir, String name, String text) {
        return writeBytes(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path writeBytes(Path dir, String name, byte[] bytes) {
        try {
            Files.createDirectories(dir);
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal valid file for a revision with the given down revisions (comma-separated text). */
    static Path revision(Path dir, String name, String id, String downRevision) {
        return write(dir, name,
                "-- revision: " + id,
                "-- down_revision: " + downRevision,
                "",
                "-- migrate:upgrade",
                "CREATE TABLE t_" + id + " (id int);",
                "-- migrate:downgrade",
                "DROP TABLE t_" + id + ";");
    }

    /** The problems {@link MigrationScript#read} reports for a file it must reject. */
    static List<Problem> problems(Path file) {
        try {
            MigrationScript script = MigrationScript.read(file);
            throw new AssertionError("expected problems in " + file + ", but it parsed as " + script);
        } catch (ScriptException e) {
            return e.problems();
        }
    }
}
