package dev.flotilla.engine.script;

import java.util.Locale;
import java.util.Objects;

/**
 * One section of a migration script: the SQL that upgrades or downgrades, written either for every
 * dialect (a generic section) or for one. Immutable and thread-safe.
 *
 * @param direction     upgrade or downgrade
 * @param dialect       the canonical dialect name ({@code postgresql}, {@code mysql}, {@code sqlite}), or
 *                      null for a generic section
 * @param transactional false when the marker says {@code transaction=false}: the step must run outside a
 *                      transaction ({@code CREATE INDEX CONCURRENTLY} and the like)
 * @param whole         true when the marker says {@code whole}: the body must reach the server as one
 *                      statement, unsplit (a MySQL procedure the splitter should not touch), and so runs
 *                      outside a transaction
 * @param line          the line of the section's marker; the body starts on the next line
 * @param body          the text after the marker line up to the next marker or the end of the file,
 *                      verbatim (with LF line endings); never null, may be empty
 */
public record Section(Direction direction, String dialect, boolean transactional, boolean whole, int line,
                      String body) {

    /** Which way a section moves the schema. */
    public enum Direction {
        UPGRADE, DOWNGRADE;

        /** The word after {@code -- migrate:} that opens a section of this direction. */
        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Section {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(body, "body");
        if (dialect != null && !Dialects.NAMES.contains(dialect)) {
            throw new IllegalArgumentException("dialect must be one of " + Dialects.NAMES + " or null, not '"
                    + dialect + "'");
        }
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more, not " + line);
        }
    }

    /** True when this section applies to every dialect that has no section of its own. */
    public boolean isGeneric() {
        return dialect == null;
    }

    /** The line the body starts on, for pointing at a statement within it. */
    public int firstBodyLine() {
        return line + 1;
    }
}
