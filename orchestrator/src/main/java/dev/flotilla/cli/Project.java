package dev.flotilla.cli;

import dev.flotilla.cli.ConfigSettings.Setting;
import dev.flotilla.engine.script.FormatOptions;
import dev.flotilla.engine.script.MigrationSet;
import dev.flotilla.engine.script.MigrationSets;
import dev.flotilla.engine.script.ScriptDirectory;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a project's migration scripts are, and what its config says about the version table. Built by
 * {@link ProjectLocator}, which has checked that the migrations folder exists.
 *
 * @param scriptsDir   the migrations folder, absolute; it holds {@code versions/}
 * @param versionTable the config's {@code version_table:}, empty when the config names none (or there is
 *                     no config)
 */
record Project(Path scriptsDir, Optional<Setting> versionTable) {

    Project {
        Objects.requireNonNull(scriptsDir, "scriptsDir");
        Objects.requireNonNull(versionTable, "versionTable");
    }

    Project(Path scriptsDir) {
        this(scriptsDir, Optional.empty());
    }

    Path versionsDir() {
        return scriptsDir.resolve("versions");
    }

    /** Parses every script; throws the engine's exception, with every problem, when one is malformed. */
    ScriptDirectory load() {
        return ScriptDirectory.load(versionsDir());
    }

    /**
     * The migrations the runner commands apply, in whichever format the folder holds: Flotilla's own
     * ({@code versions/}), Flyway's {@code V…__…sql} files or up/down pairs.
     */
    MigrationSet migrations() {
        return MigrationSets.open(scriptsDir, FormatOptions.detect());
    }
}
