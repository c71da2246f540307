package dev.flotilla.engine.script.flyway;

import dev.flotilla.engine.script.SqlFile;

import java.util.Objects;

/**
 * One versioned migration of a Flyway folder with its undo file, if any.
 *
 * @param undo       the {@code U} file of the same version, or null when there is none
 * @param wholeUp    the {@code V} file is to be sent whole
 * @param wholeDown  the {@code U} file is to be sent whole
 */
record FlywayMigration(FlywayName name, SqlFile versioned, SqlFile undo, boolean wholeUp, boolean wholeDown) {

    FlywayMigration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(versioned, "versioned");
    }

    String id() {
        return name.version().id();
    }
}
