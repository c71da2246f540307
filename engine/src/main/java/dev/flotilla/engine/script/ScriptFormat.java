package dev.flotilla.engine.script;

/** The folder layouts Flotilla reads migrations from. */
public enum ScriptFormat {

    /** Flotilla's own: a {@code versions/} folder of {@code <rev>_<slug>.sql} scripts with headers. */
    FLOTILLA("Flotilla's own format (a versions/ folder)"),

    /** Flyway's {@code V<version>__<description>.sql} files, with optional {@code U} undo files. */
    FLYWAY("Flyway (V<version>__<description>.sql)"),

    /** Up/down pairs: golang-migrate, ory/popx, authelia and other namings. */
    UP_DOWN("up/down pairs (<version>_<name>.up.sql / .down.sql)");

    private final String description;

    ScriptFormat(String description) {
        this.description = description;
    }

    /** How messages name the format. */
    public String description() {
        return description;
    }
}
