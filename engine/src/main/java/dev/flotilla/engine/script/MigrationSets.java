package dev.flotilla.engine.script;

import dev.flotilla.engine.script.flyway.FlywayFolder;
import dev.flotilla.engine.script.updown.UpDownFolder;

import java.nio.file.Path;
import java.util.List;

/**
 * Opens a migrations folder in whichever format it is in. Detection, unless the options name the
 * format: a {@code versions/} sub-folder is Flotilla's own format; else {@code V<version>__…sql} files
 * are Flyway; else {@code ….up.sql} / {@code ….down.sql} files are up/down pairs. A folder that mixes
 * them, or holds none, is a {@link ScriptException} saying what was found and what is expected. See
 * {@code docs/script-formats.md}. Stateless.
 */
public final class MigrationSets {

    private MigrationSets() {
    }

    /**
     * Reads the folder (for Flotilla's format, the folder that holds {@code versions/}); throws
     * {@link ScriptException} with every problem found.
     */
    public static MigrationSet open(Path folder, FormatOptions options) {
        FormatDetection.Detected detected = FormatDetection.detect(folder, options);
        return switch (detected.format()) {
            case FLOTILLA -> ScriptDirectory.load(folder.resolve("versions"));
            case FLYWAY -> FlywayFolder.load(folder, options.wholeFiles());
            case UP_DOWN -> UpDownFolder.load(folder, detected.naming(), options.wholeFiles());
        };
    }

    /**
     * Every problem {@link #open} would report, sorted by file and line; empty when it would succeed. A
     * folder whose format cannot be told is one problem saying why.
     */
    public static List<Problem> check(Path folder, FormatOptions options) {
        FormatDetection.Detected detected;
        try {
            detected = FormatDetection.detect(folder, options);
        } catch (ScriptException e) {
            return e.problems();
        }
        return switch (detected.format()) {
            case FLOTILLA -> ScriptDirectory.check(folder.resolve("versions"));
            case FLYWAY -> FlywayFolder.check(folder, options.wholeFiles());
            case UP_DOWN -> UpDownFolder.check(folder, detected.naming(), options.wholeFiles());
        };
    }

    /** The format {@link #open} would read the folder in, without reading the files. */
    public static ScriptFormat detect(Path folder, FormatOptions options) {
        return FormatDetection.detect(folder, options).format();
    }
}
