package dev.flotilla.engine.script;

import dev.flotilla.engine.script.updown.UpDownNaming;

import java.util.List;
import java.util.Objects;

/**
 * How to read a migrations folder: its format (null: detect it), the naming of an up/down folder (null:
 * pick the preset every file follows), and which files of a Flyway or up/down folder are sent whole.
 * Immutable; combinations that mean nothing are rejected rather than ignored.
 *
 * @param format     the format, or null to detect it from the folder's contents
 * @param naming     how up/down file names are built, or null to choose among
 *                   {@link UpDownNaming#PRESETS}; only for up/down folders
 * @param wholeFiles files to send unsplit; only for Flyway and up/down folders (Flotilla's own format
 *                   marks a section {@code whole} instead)
 */
public record FormatOptions(ScriptFormat format, UpDownNaming naming, WholeFiles wholeFiles) {

    static final String WHOLE_IN_FLOTILLA = "whole-file patterns are for Flyway and up/down folders; in"
            + " Flotilla's own format mark the section instead: '-- migrate:upgrade whole'";

    public FormatOptions {
        Objects.requireNonNull(wholeFiles, "wholeFiles");
        if (naming != null && format != null && format != ScriptFormat.UP_DOWN) {
            throw new IllegalArgumentException("an up/down naming is only for up/down folders, not for "
                    + format.description());
        }
        if (format == ScriptFormat.FLOTILLA && !wholeFiles.globs().isEmpty()) {
            throw new IllegalArgumentException(WHOLE_IN_FLOTILLA);
        }
    }

    /** Detect the format and naming; send no file whole. */
    public static FormatOptions detect() {
        return new FormatOptions(null, null, WholeFiles.NONE);
    }

    public FormatOptions withFormat(ScriptFormat format) {
        return new FormatOptions(Objects.requireNonNull(format, "format"), naming, wholeFiles);
    }

    public FormatOptions withNaming(UpDownNaming naming) {
        return new FormatOptions(format, Objects.requireNonNull(naming, "naming"), wholeFiles);
    }

    public FormatOptions withWholeFiles(String... globs) {
        return new FormatOptions(format, naming, new WholeFiles(List.of(globs)));
    }
}
