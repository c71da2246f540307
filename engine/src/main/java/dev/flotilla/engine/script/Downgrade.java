package dev.flotilla.engine.script;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a script says about undoing its revision on one dialect: a written section, a section marked
 * {@code irreversible}, or nothing at all. Immutable and thread-safe. Test the kind with
 * {@code instanceof}, or call {@link #sectionOrThrow()} where only a written section will do.
 */
public sealed interface Downgrade permits Downgrade.Written, Downgrade.Irreversible, Downgrade.Absent {

    /**
     * The section to run; for any other kind a {@link ScriptException} whose problem names the file, the
     * revision and why it cannot be downgraded.
     */
    Section sectionOrThrow();

    /** A downgrade section to run. */
    record Written(Section section) implements Downgrade {

        public Written {
            Objects.requireNonNull(section, "section");
            if (section.direction() != Section.Direction.DOWNGRADE) {
                throw new IllegalArgumentException("a downgrade needs a downgrade section, not " + section);
            }
        }

        @Override
        public Section sectionOrThrow() {
            return section;
        }
    }

    /**
     * A downgrade section marked {@code irreversible}: the revision cannot be undone.
     *
     * @param reason the section's comments without their comment markers, joined by spaces; may be empty
     */
    record Irreversible(String revisionId, Path path, int line, String reason) implements Downgrade {

        public Irreversible {
            Objects.requireNonNull(revisionId, "revisionId");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Section sectionOrThrow() {
            String why = reason.isEmpty() ? "" : ": " + reason;
            throw new ScriptException(List.of(new Problem(path, line,
                    "revision " + revisionId + " is marked irreversible and cannot be downgraded" + why)));
        }
    }

    /** No downgrade section for this dialect, generic or specific: none was written. */
    record Absent(String revisionId, Path path, String dialect) implements Downgrade {

        public Absent {
            Objects.requireNonNull(revisionId, "revisionId");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(dialect, "dialect");
        }

        @Override
        public Section sectionOrThrow() {
            throw new ScriptException(List.of(new Problem(path, 0, "revision " + revisionId
                    + " has no downgrade section for " + dialect + "; write one after a '-- migrate:downgrade'"
                    + " line, or mark it '-- migrate:downgrade irreversible' if it cannot be undone")));
        }
    }
}
