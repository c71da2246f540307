package dev.flotilla.engine.script.flyway;

import dev.flotilla.engine.script.Problem;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flyway file name, {@code V<version>__<description>.sql} or {@code U<version>__<description>.sql},
 * parsed.
 *
 * @param undo        true for a {@code U} (undo) file
 * @param description the text after {@code __} with every {@code _} read as a space
 */
record FlywayName(boolean undo, FlywayVersion version, String description) {

    private static final Pattern NAME = Pattern.compile("([VU])(\\d+(?:[._]\\d+)*)__(.*)\\.sql");

    static final String EXPECTED = "expected V<version>__<description>.sql (or U<version>__<description>.sql"
            + " for an undo), the version numbers separated by '.' or '_', e.g. V1_10__add_index.sql";

    /** The name's meaning, or null with a problem added when the file name is not a Flyway name. */
    static FlywayName parse(Path file, List<Problem> found) {
        String name = file.getFileName().toString();
        Matcher m = NAME.matcher(name);
        if (m.matches()) {
            return new FlywayName(m.group(1).equals("U"), FlywayVersion.parse(m.group(2)),
                    m.group(3).replace('_', ' '));
        }
        found.add(new Problem(file, 0, "not a Flyway migration name: " + why(name) + "; " + EXPECTED));
        return null;
    }

    private static String why(String name) {
        if (name.startsWith("R__")) {
            return "repeatable migrations (R__) are not supported yet, only versioned (V) and undo (U) ones;"
                    + " move the file out of the folder or make it a versioned migration";
        }
        if (!name.endsWith(".sql")) {
            return "the name must end in '.sql' (lower case)";
        }
        if (!name.contains("__")) {
            return "no '__' between the version and the description";
        }
        return "'" + name.substring(0, name.indexOf("__")) + "' is not V or U followed by a version";
    }
}
