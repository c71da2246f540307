package dev.flotilla.engine.script.updown;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dialect word in an up/down file name, as popx spells it, read as one of Flotilla's dialect names.
 * CockroachDB files are recognised but never served: Flotilla does not run CockroachDB.
 */
final class FileDialect {

    /** The dialect of files whose word names a database Flotilla does not run. */
    static final String IGNORED = "(ignored)";

    private static final Map<String, String> WORDS = Map.of(
            "postgres", "postgresql", "postgresql", "postgresql",
            "mysql", "mysql", "mariadb", "mysql",
            "sqlite3", "sqlite", "sqlite", "sqlite");

    private static final Set<String> NOT_OURS = Set.of("cockroach", "cockroachdb", "crdb");

    static final String EXPECTED = "postgres, postgresql, mysql, mariadb, sqlite, sqlite3"
            + " (or cockroach, which Flotilla skips)";

    private FileDialect() {
    }

    /** A canonical dialect name, {@link #IGNORED}, or empty for a word no database has. */
    static Optional<String> of(String word) {
        if (NOT_OURS.contains(word)) {
            return Optional.of(IGNORED);
        }
        return Optional.ofNullable(WORDS.get(word));
    }
}
