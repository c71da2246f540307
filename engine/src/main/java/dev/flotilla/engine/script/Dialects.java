package dev.flotilla.engine.script;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dialect names a section may be written for, and the aliases read as one of them. Public so that
 * the format readers in the sub-packages check a dialect name the same way; stateless.
 */
public final class Dialects {

    /** Canonical names, as the dialect packages are named. */
    public static final List<String> NAMES = List.of("postgresql", "mysql", "sqlite");

    private static final Map<String, String> ALIASES = Map.of("mariadb", "mysql");

    /** How a message lists the accepted names. */
    public static final String EXPECTED = "postgresql, mysql, sqlite (mariadb is read as mysql)";

    private Dialects() {
    }

    /** The canonical name for a name or alias, exactly as spelled (lower case); empty if unknown. */
    public static Optional<String> canonical(String name) {
        if (NAMES.contains(name)) {
            return Optional.of(name);
        }
        return Optional.ofNullable(ALIASES.get(name));
    }

    /** The canonical name, or an {@link IllegalArgumentException} for a name no dialect has. */
    public static String require(String name) {
        return canonical(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown dialect '" + name + "'; expected one of " + EXPECTED));
    }
}
