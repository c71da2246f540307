package dev.flotilla.engine.script;

import dev.flotilla.engine.script.Section.Direction;

import java.util.HashSet;
import java.util.Set;

/**
 * A section marker line, {@code -- migrate:<direction> [options]}, parsed.
 *
 * @param dialect canonical dialect name, or null for a generic section
 * @param whole   the section's body must reach the server as one statement, unsplit
 */
record Marker(Direction direction, String dialect, boolean transactional, boolean irreversible, boolean whole,
              int line) {

    private static final String PREFIX = "migrate:";

    /** True for any comment line whose text starts with {@code migrate:}, well-formed or not. */
    static boolean isMarker(String line) {
        int i = skipWhitespace(line, 0);
        return line.startsWith("--", i) && line.startsWith(PREFIX, skipWhitespace(line, i + 2));
    }

    private static int skipWhitespace(String line, int from) {
        int i = from;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Parses a line for which {@link #isMarker} holds; null (and reported problems) if it is malformed. */
    static Marker parse(String text, int line, FileProblems problems) {
        String[] words = words(text);
        Direction direction = direction(words[0]);
        if (direction == null) {
            problems.add(line, "unknown section marker '" + text.strip() + "'; expected '-- migrate:upgrade' or"
                    + " '-- migrate:downgrade'");
            return null;
        }
        Options options = new Options(direction, line, problems);
        for (int i = 1; i < words.length; i++) {
            options.read(words[i]);
        }
        return options.toMarker();
    }

    /** The direction a marker line names, well-formed or not; null if it names none. */
    static Direction directionOf(String text) {
        return direction(words(text)[0]);
    }

    private static String[] words(String text) {
        String stripped = text.strip();
        String rest = stripped.substring(2).stripLeading().substring(PREFIX.length()).strip();
        return rest.isEmpty() ? new String[] {""} : rest.split("\\s+");
    }

    private static Direction direction(String word) {
        for (Direction direction : Direction.values()) {
            if (direction.keyword().equals(word)) {
                return direction;
            }
        }
        return null;
    }

    /** The options after a marker's direction, read one word at a time. */
    private static final class Options {

        private final Direction direction;
        private final int line;
        private final FileProblems problems;
        private final Set<String> seen = new HashSet<>();
        private String dialect;
        private boolean transactional = true;
        private boolean irreversible;
        private boolean whole;
        private boolean valid = true;

        Options(Direction direction, int line, FileProblems problems) {
            this.direction = direction;
            this.line = line;
            this.problems = problems;
        }

        void read(String word) {
            int equals = word.indexOf('=');
            String name = equals < 0 ? word : word.substring(0, equals);
            String value = equals < 0 ? null : word.substring(equals + 1);
            if (word.equals("irreversible") && direction == Direction.UPGRADE) {
                fail("option 'irreversible' is only for downgrade sections; an upgrade must be written");
            } else if (!known(name, value)) {
                fail("unknown option '" + word + "' in a '-- migrate:" + direction.keyword() + "' marker; expected "
                        + expected());
            } else if (!seen.add(name)) {
                fail("option '" + name + "' given twice in one marker; give it once");
            } else if (name.equals("dialect")) {
                readDialect(value);
            } else if (name.equals("transaction")) {
                readTransaction(value);
            } else if (name.equals("whole")) {
                whole = true;
            } else {
                irreversible = true;
            }
        }

        private boolean known(String name, String value) {
            return (value != null && (name.equals("dialect") || name.equals("transaction")))
                    || (value == null && name.equals("whole"))
                    || (value == null && name.equals("irreversible") && direction == Direction.DOWNGRADE);
        }

        private String expected() {
            String options = "dialect=postgresql|mysql|sqlite|mariadb, transaction=false, whole";
            return direction == Direction.DOWNGRADE ? options + ", irreversible" : options;
        }

        private void readDialect(String value) {
            dialect = Dialects.canonical(value).orElse(null);
            if (dialect == null) {
                fail("unknown dialect '" + value + "'; expected one of " + Dialects.EXPECTED);
            }
        }

        private void readTransaction(String value) {
            if (value.equals("false") || value.equals("true")) {
                transactional = value.equals("true");
            } else {
                fail("unknown value in 'transaction=" + value + "'; expected transaction=false"
                        + " (or transaction=true, the default)");
            }
        }

        private void fail(String message) {
            problems.add(line, message);
            valid = false;
        }

        Marker toMarker() {
            if (irreversible && !transactional) {
                fail("option 'transaction=false' means nothing on an irreversible section; remove it");
            }
            if (irreversible && whole) {
                fail("option 'whole' means nothing on an irreversible section; remove it");
            }
            return valid ? new Marker(direction, dialect, transactional, irreversible, whole, line) : null;
        }
    }
}
