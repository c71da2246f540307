package dev.flotilla.engine.revision;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One revision of the schema, as Alembic models it: an id, the revisions it follows
 * ({@code down_revision}: none for a base, several for a merge), extra revisions it needs
 * ({@code depends_on}, which may also name branch labels), the branch labels it starts, and its
 * message. {@code source} says where it came from (a file path) for error messages; it may be null for
 * revisions built in code. Immutable and thread-safe.
 */
public record Revision(
        String id,
        List<String> downRevisions,
        List<String> dependsOn,
        List<String> branchLabels,
        String message,
        String source) {

    /** Characters a revision id may not contain: Alembic's (@ - +) and those our syntax needs. */
    static final String ILLEGAL_ID_CHARS = "@-+:,";

    public Revision {
        Objects.requireNonNull(id, "id");
        String where = source == null ? "" : " (in " + source + ")";
        if (id.isBlank()) {
            throw new RevisionException("A revision id must not be empty" + where + ".");
        }
        for (char c : id.toCharArray()) {
            if (ILLEGAL_ID_CHARS.indexOf(c) >= 0 || Character.isWhitespace(c)) {
                throw new RevisionException("Character '" + c + "' is not allowed in revision id '" + id + "'"
                        + where + "; ids may not contain whitespace or any of " + ILLEGAL_ID_CHARS + ".");
            }
        }
        downRevisions = distinct(downRevisions, "down_revision", id, where);
        dependsOn = distinct(dependsOn, "depends_on", id, where);
        branchLabels = distinct(branchLabels, "branch_labels", id, where);
        message = message == null ? "" : message;
        if (downRevisions.contains(id)) {
            throw new RevisionException("Revision " + id + " names itself as its down_revision" + where
                    + " (a self-loop); point it at the revision it follows.");
        }
        if (dependsOn.contains(id)) {
            throw new RevisionException("Revision " + id + " names itself in depends_on" + where
                    + " (a dependency self-loop); remove it.");
        }
        for (String label : branchLabels) {
            for (char c : label.toCharArray()) {
                if (ILLEGAL_ID_CHARS.indexOf(c) >= 0 || Character.isWhitespace(c)) {
                    throw new RevisionException("Character '" + c + "' is not allowed in branch label '" + label
                            + "' of revision " + id + where + ".");
                }
            }
        }
    }

    /** A revision with no labels, dependencies or source: handy in code and tests. */
    public static Revision of(String id, String... downRevisions) {
        return new Revision(id, List.of(downRevisions), List.of(), List.of(), "", null);
    }

    /** True when this revision follows no other revision (a root of the graph). */
    public boolean isBase() {
        return downRevisions.isEmpty();
    }

    /** True when this revision joins two or more lines of history. */
    public boolean isMergePoint() {
        return downRevisions.size() > 1;
    }

    /** Where this revision came from, or its id when it was built in code. */
    public String describeSource() {
        return source == null ? "revision " + id : source;
    }

    private static List<String> distinct(List<String> values, String key, String id, String where) {
        if (values == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(new LinkedHashSet<>(values));
        for (String v : out) {
            if (v == null || v.isBlank()) {
                throw new RevisionException("Revision " + id + " has an empty entry in " + key + where + ".");
            }
        }
        if (out.size() != values.size()) {
            throw new RevisionException("Revision " + id + " lists the same value twice in " + key + where
                    + ": " + values + ".");
        }
        return List.copyOf(out);
    }
}
