package dev.flotilla.bench;

import dev.flotilla.engine.revision.Direction;
import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.script.FormatOptions;
import dev.flotilla.engine.script.MigrationSet;
import dev.flotilla.engine.script.MigrationSets;
import dev.flotilla.engine.script.StepSql;
import dev.flotilla.engine.sql.SqlDialect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One corpus set for one dialect: the set as Flotilla reads it, and the files the plain client applies
 * (every up step with a statement, in the set's order), as {@code shared/corpus/apply-plain.sh} picks them.
 */
record CorpusSet(String project, String dialect, MigrationSet set, List<PlainFile> files) {

    /** A file the plain client reads, and whether the project's tool runs it in a transaction. */
    record PlainFile(Path path, boolean transactional) {
    }

    /** kratos: one flat folder; authelia, kestra: one folder per database. */
    static CorpusSet open(Path corpus, String project, String dialect) {
        Path folder = switch (project) {
            case "kratos" -> corpus.resolve("ory-kratos/migrations");
            case "authelia", "kestra" -> corpus.resolve(project).resolve("migrations").resolve(switch (dialect) {
                case "postgresql" -> "postgres";
                case "mysql" -> "mysql";
                default -> "sqlite";
            });
            default -> throw new IllegalArgumentException("unknown set " + project + "; use kratos, authelia or kestra");
        };
        MigrationSet set = MigrationSets.open(folder, FormatOptions.detect());
        SqlDialect syntax = SqlDialect.valueOf(dialect.toUpperCase(Locale.ROOT));
        List<PlainFile> files = new ArrayList<>();
        for (Revision revision : set.graph().revisions()) {
            StepSql up = set.sql(revision.id(), Direction.UP, dialect);
            if (Files.isRegularFile(up.file()) && !up.statements(syntax).isEmpty()) {
                files.add(new PlainFile(up.file(), up.runsInTransaction()));
            }
        }
        return new CorpusSet(project, dialect, set, List.copyOf(files));
    }

    /** The Go tools (kratos, authelia) send a MySQL file as one batch; Flyway (kestra) splits it. */
    boolean mysqlBatches() {
        return !project.equals("kestra");
    }

    /** What the project's tool sets on a SQLite connection first (pop: foreign keys on). */
    String sqlitePrelude() {
        return project.equals("kratos") ? "PRAGMA foreign_keys=ON;" : "";
    }

    /** The collation the project's tool creates its MariaDB database with. */
    String mysqlCollation() {
        return project.equals("authelia") ? "utf8mb4_unicode_520_ci" : "utf8mb4_general_ci";
    }
}
