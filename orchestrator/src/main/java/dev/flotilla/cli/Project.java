package dev.flotilla.cli;

import dev.flotilla.engine.script.ScriptDirectory;

import java.nio.file.Path;

/**
 * Where a project's migration scripts are. Built by {@link ProjectLocator}, which has checked that
 * both folders exist.
 *
 * @param scriptsDir the migrations folder, absolute; it holds {@code versions/}
 */
record Project(Path scriptsDir) {

    Path versionsDir() {
        return scriptsDir.resolve("versions");
    }

    /** Parses every script; throws the engine's exception, with every problem, when one is malformed. */
    ScriptDirectory load() {
        return ScriptDirectory.load(versionsDir());
    }
}
