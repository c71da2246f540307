package dev.flotilla.engine.script.updown;

import dev.flotilla.engine.revision.Direction;
import dev.flotilla.engine.script.Problem;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * An up/down file name, parsed with a {@link UpDownNaming}.
 *
 * @param version     the version as written, leading zeros kept: the revision id
 * @param number      the version's value, for ordering
 * @param dialect     a canonical dialect name, {@link FileDialect#IGNORED}, or null for a generic file
 * @param counterpart the name the file of the other direction would have, for messages
 */
record UpDownName(Path file, String version, BigInteger number, String name, String dialect, boolean autocommit,
                  Direction direction, String counterpart) {

    /** The name's meaning, or null with a problem added when it does not follow the naming. */
    static UpDownName parse(Path file, UpDownNaming naming, List<Problem> found) {
        String fileName = file.getFileName().toString();
        Matcher m = naming.pattern().matcher(fileName);
        if (!m.matches()) {
            found.add(new Problem(file, 0, "not an up/down migration name; expected " + naming.expected()));
            return null;
        }
        String version = m.group("version");
        if (version == null || !version.matches("\\d+")) {
            found.add(new Problem(file, 0, "version '" + version + "' in the file name is not a number; up/down"
                    + " versions are digits"));
            return null;
        }
        Direction direction = direction(m.group("direction"));
        if (direction == null) {
            found.add(new Problem(file, 0, "direction '" + m.group("direction") + "' in the file name is neither"
                    + " 'up' nor 'down'"));
            return null;
        }
        String dialect = null;
        String word = naming.has("dialect") ? m.group("dialect") : null;
        if (word != null && !word.isEmpty()) {
            Optional<String> known = FileDialect.of(word);
            if (known.isEmpty()) {
                found.add(new Problem(file, 0, "unknown dialect '" + word + "' in the file name; expected "
                        + FileDialect.EXPECTED + ". If the dot belongs to the name, read the folder with the"
                        + " golang-migrate naming"));
                return null;
            }
            dialect = known.get();
        }
        boolean autocommit = naming.has("autocommit") && m.group("autocommit") != null
                && !m.group("autocommit").isEmpty();
        String other = direction == Direction.UP ? "down" : "up";
        String counterpart = fileName.substring(0, m.start("direction")) + other + fileName.substring(m.end("direction"));
        return new UpDownName(file, version, new BigInteger(version), m.group("name"), dialect, autocommit, direction,
                counterpart);
    }

    private static Direction direction(String word) {
        if ("up".equals(word)) {
            return Direction.UP;
        }
        return "down".equals(word) ? Direction.DOWN : null;
    }
}
