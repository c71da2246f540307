package dev.flotilla.engine.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Writes new revision files. Stateless and thread-safe. */
public final class ScriptWriter {

    /** As Python's {@code str(datetime)} writes a time with microseconds, without its offset. */
    static final DateTimeFormatter CREATE_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private ScriptWriter() {
    }

    /**
     * Writes {@code <id>_<slug>.sql} into the versions folder (created if missing) with a header for
     * {@code spec} and empty upgrade and downgrade sections; refuses to overwrite. Returns the path written.
     * Throws {@link ScriptException} naming the file when it exists or cannot be written.
     */
    public static Path write(Path versionsDir, NewRevision spec) {
        Path file = versionsDir.resolve(fileName(spec));
        try {
            Files.createDirectories(versionsDir);
        } catch (IOException e) {
            throw failure(versionsDir, "cannot create the versions folder (" + e + ")");
        }
        try {
            Files.writeString(file, render(spec), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw failure(file, "already exists and will not be overwritten; choose another revision id"
                    + " or message, or move the existing file away");
        } catch (IOException e) {
            throw failure(file, "cannot write the file (" + e + ")");
        }
        return file;
    }

    /** {@code <id>_<slug>.sql}, the slug made from the message by Alembic's rule. */
    static String fileName(NewRevision spec) {
        return spec.id() + "_" + Slug.of(spec.message()) + ".sql";
    }

    /** The file's text, LF line endings. */
    static String render(NewRevision spec) {
        return header(Header.REVISION, spec.id())
                + header(Header.DOWN_REVISION, String.join(", ", spec.downRevisions()))
                + header(Header.BRANCH_LABELS, String.join(", ", spec.branchLabels()))
                + header(Header.DEPENDS_ON, String.join(", ", spec.dependsOn()))
                + header(Header.MESSAGE, spec.message())
                + header(Header.CREATE_DATE, CREATE_DATE.format(spec.createDate()))
                + "\n-- migrate:upgrade\n\n-- migrate:downgrade\n";
    }

    private static String header(String key, String value) {
        return value.isEmpty() ? "-- " + key + ":\n" : "-- " + key + ": " + value + "\n";
    }

    private static ScriptException failure(Path path, String message) {
        return new ScriptException(List.of(new Problem(path, 0, message)));
    }
}
