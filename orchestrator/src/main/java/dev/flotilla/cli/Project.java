package dev.flotilla.cli;

import dev.flotilla.config.ProjectConfig;
import dev.flotilla.engine.script.FormatOptions;
import dev.flotilla.engine.script.MigrationSet;
import dev.flotilla.engine.script.MigrationSets;
import dev.flotilla.engine.script.ScriptDirectory;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a project's migration scripts are, and its config when there is a {@code flotilla.yaml}. Built by
 * {@link ProjectLocator}, which has checked that the migrations folder exists and the config is valid.
 *
 * @param scriptsDir the migrations folder, absolute; it holds {@code versions/}
 * @param config     the whole config (read by the config module), empty when there is no config file
 * @param configFile the file it was read from; present exactly when {@code config} is
 */
record Project(Path scriptsDir, Optional<ProjectConfig> config, Optional<Path> configFile) {

    Project {
        Objects.requireNonNull(scriptsDir, "scriptsDir");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(configFile, "configFile");
        if (config.isPresent() != configFile.isPresent()) {
            throw new IllegalArgumentException("a config needs its file, and a file its config");
        }
    }

    Project(Path scriptsDir) {
        this(scriptsDir, Optional.empty(), Optional.empty());
    }

    Path versionsDir() {
        return scriptsDir.resolve("versions");
    }

    /** The config, or an input error saying that {@code command} needs one. */
    ProjectConfig requireConfig(String command) {
        return config.orElseThrow(() -> new InputException(command + " needs a project config (flotilla.yaml"
                + " with servers: and registry:); give --config FILE or run `flotilla init`"));
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
