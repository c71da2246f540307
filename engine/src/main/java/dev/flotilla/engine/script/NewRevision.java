package dev.flotilla.engine.script;

import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.revision.RevisionException;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What {@code revision} and {@code merge} write: a new revision file's header. Lists may be empty,
 * never null. Validated on construction by {@link Revision}'s rules (ids, labels, empty or repeated
 * entries, self-loops), plus what the one-line, comma-separated header needs: no commas or whitespace
 * in list entries and no line break in the message. A blank or null message becomes
 * {@code "empty message"}, as Alembic writes it; other messages are stripped. Immutable.
 */
public record NewRevision(
        String id,
        List<String> downRevisions,
        List<String> branchLabels,
        List<String> dependsOn,
        String message,
        OffsetDateTime createDate) {

    /** Alembic's message when none is given. */
    public static final String EMPTY_MESSAGE = "empty message";

    public NewRevision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(downRevisions, "downRevisions (use List.of() for a base revision)");
        Objects.requireNonNull(branchLabels, "branchLabels (use List.of() for none)");
        Objects.requireNonNull(dependsOn, "dependsOn (use List.of() for none)");
        Objects.requireNonNull(createDate, "createDate");
        message = message == null || message.isBlank() ? EMPTY_MESSAGE : message.strip();
        if (message.indexOf('\n') >= 0 || message.indexOf('\r') >= 0) {
            throw new RevisionException("The message of new revision " + id + " has a line break; the header"
                    + " holds one line: give a one-line message.");
        }
        if (id.indexOf('/') >= 0 || id.indexOf('\\') >= 0 || id.startsWith(".")) {
            // The id names the new file in the versions folder; a separator or leading dot would put it elsewhere.
            throw new RevisionException("Revision id '" + id + "' cannot name a file in the versions folder;"
                    + " ids may not contain / or \\ or start with a dot.");
        }
        Revision checked = new Revision(id, downRevisions, dependsOn, branchLabels, message, null);
        requireListable(id, Header.DOWN_REVISION, checked.downRevisions());
        requireListable(id, Header.DEPENDS_ON, checked.dependsOn());
        downRevisions = checked.downRevisions();
        branchLabels = checked.branchLabels();
        dependsOn = checked.dependsOn();
    }

    /** The revision the written file will declare, with {@code source} as its source. */
    public Revision toRevision(String source) {
        return new Revision(id, downRevisions, dependsOn, branchLabels, message, source);
    }

    private static void requireListable(String id, String key, List<String> values) {
        for (String value : values) {
            for (char c : value.toCharArray()) {
                if (c == ',' || Character.isWhitespace(c)) {
                    throw new RevisionException("Entry '" + value + "' in " + key + " of new revision " + id
                            + " contains " + (c == ',' ? "','" : "whitespace")
                            + "; the header lists revision ids and branch labels separated by commas.");
                }
            }
        }
    }
}
