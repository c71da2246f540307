package dev.flotilla.engine.revision;

import java.util.Objects;

/**
 * One change to a database's version table, which holds one row per current head (as Alembic's
 * {@code alembic_version}). Applied as compare-and-set by the runner: an update or delete that matches no
 * row means another writer got there first.
 */
public sealed interface VersionRowChange {

    /** A new head appears: a base, or a revision whose parents are not rows. */
    record Insert(String revision) implements VersionRowChange {
        public Insert {
            Objects.requireNonNull(revision, "revision");
        }
    }

    /** A head disappears: a branch is taken back to base, or folded into another row's ancestry. */
    record Delete(String revision) implements VersionRowChange {
        public Delete {
            Objects.requireNonNull(revision, "revision");
        }
    }

    /** A head moves: {@code UPDATE ... SET version_num = to WHERE version_num = from}. */
    record Update(String from, String to) implements VersionRowChange {
        public Update {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }
}
