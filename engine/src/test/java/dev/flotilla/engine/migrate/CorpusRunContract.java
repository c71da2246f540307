package dev.flotilla.engine.migrate;

import dev.flotilla.engine.revision.Direction;
import dev.flotilla.engine.script.FormatOptions;
import dev.flotilla.engine.script.MigrationSet;
import dev.flotilla.engine.script.MigrationSets;
import dev.flotilla.engine.sql.CorpusFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real migration sets of {@code shared/corpus}, run by Flotilla on a fresh target of one dialect, up to
 * heads and, where the set has down files, back down to base. Flotilla must leave what the database's
 * own client leaves when it applies the same files in the same order ({@link PlainApply}): the same
 * catalog (without Flotilla's two tables), and the same files rejected with the same error. Each corpus
 * set's {@code SOURCE.md} lists the failures the plain client meets on this machine's servers; the
 * subclasses state them. Skipped, loudly, when the corpus is not beside the repository.
 */
abstract class CorpusRunContract {

    /** A project of the corpus, and how its own tool sets up a database and feeds MariaDB. */
    enum Project {
        KRATOS("ory-kratos", true, "utf8mb4_general_ci", "PRAGMA foreign_keys=ON;"),
        AUTHELIA("authelia", true, "utf8mb4_unicode_520_ci", ""),
        KESTRA("kestra", false, "utf8mb4_general_ci", "");

        final String folder;
        /** MariaDB gets each file as one batch (Go tools, multiStatements=true); else split as Flyway does. */
        final boolean mariaDbBatches;
        final String mariaDbCollation;
        /** What the tool's SQLite connection sets first (pop: foreign keys on). */
        final String sqlitePrelude;

        Project(String folder, boolean mariaDbBatches, String mariaDbCollation, String sqlitePrelude) {
            this.folder = folder;
            this.mariaDbBatches = mariaDbBatches;
            this.mariaDbCollation = mariaDbCollation;
            this.sqlitePrelude = sqlitePrelude;
        }

        /** kratos: one flat folder for every database; the others: one folder per database. */
        Path migrations(Path corpus, String subFolder) {
            Path root = corpus.resolve(folder).resolve("migrations");
            return this == KRATOS ? root : root.resolve(subFolder);
        }
    }

    /**
     * What a set does on this dialect: how many files the plain client applies, the failures going up
     * ("revision code"), the revisions without a down file, the failures going down, and what is left
     * at base besides Flotilla's tables (tables and routines, as {@link #leftovers} lists them).
     */
    record Expected(int files, List<String> upFailures, List<String> irreversible, List<String> downFailures,
                    List<String> leftAtBase) {
        static Expected upOnly(int files, List<String> upFailures) {
            return new Expected(files, upFailures, null, null, null);
        }

        boolean downgrades() {
            return irreversible != null;
        }
    }

    /** One fresh target of the dialect. */
    interface Target {
        Connection connect() throws Exception;

        /** Applies the files with the dialect's client; what it rejected. */
        List<PlainApply.Failure> applyPlain(List<PlainApply.File> files) throws Exception;

        /** Every object the migrations made, as comparable text; nothing of Flotilla's. */
        List<String> catalog() throws Exception;

        /** Tables and routines, by name, without Flotilla's two tables. */
        List<String> leftovers() throws Exception;
    }

    static Path corpus;

    @TempDir
    Path scratch;

    @BeforeAll
    static void locateCorpus() {
        corpus = CorpusFiles.locate();
        Assumptions.assumeTrue(corpus != null, () -> "no SQL corpus beside the repository (looked for "
                + CorpusFiles.expectedLocation() + "); skipping the corpus runs");
    }

    abstract String dialect();

    abstract CorpusRun.Recovery recovery();

    /** A fresh target set up as {@code project}'s tool sets up its database. */
    abstract Target freshTarget(Project project) throws Exception;

    /** Opens the set in its own format, runs it both ways, and checks everything against {@code expected}. */
    void runsAsThePlainClient(Project project, String subFolder, FormatOptions options, Expected expected)
            throws Exception {
        MigrationSet set = MigrationSets.open(project.migrations(corpus, subFolder), options);
        CorpusRun run = new CorpusRun(set, dialect(), recovery());
        List<PlainApply.File> files = run.plainFiles();
        assertThat(files).as("files with statements, as SOURCE.md counts them").hasSize(expected.files());
        Target flotilla = freshTarget(project);
        Target plain = freshTarget(project);

        long started = System.nanoTime();
        try (Connection connection = flotilla.connect()) {
            run.upgradeToHeads(connection);
            assertThat(run.migrator().status(connection, null)).extracting(TargetStatus::revisions,
                    TargetStatus::isDirty).containsExactly(set.graph().heads().stream().toList(), false);
        }
        long upgraded = System.nanoTime();
        List<PlainApply.Failure> plainFailures = plain.applyPlain(files);
        long applied = System.nanoTime();

        List<String> failures = run.failures().stream().map(CorpusRun.Failure::summary).toList();
        assertThat(failures).as("Flotilla's failures going up; the plain client's: %s", plainFailures)
                .isEqualTo(plainFailures.stream().map(PlainApply.Failure::summary).toList())
                .isEqualTo(expected.upFailures());
        assertThat(flotilla.catalog()).as("the catalog Flotilla leaves, against the plain client's")
                .isEqualTo(plain.catalog());
        if (!expected.downgrades()) {
            report(project, set, started, upgraded, applied, applied);
            return;
        }

        try (Connection connection = flotilla.connect()) {
            List<String> irreversible = run.downgradeToBase(connection);
            assertThat(irreversible).as("revisions without a down file").isEqualTo(expected.irreversible());
            assertThat(run.migrator().status(connection, null)).extracting(TargetStatus::revisions,
                    TargetStatus::isDirty).containsExactly(List.of(), false);
        }
        long downgraded = System.nanoTime();
        List<String> downFailures = run.failures().stream()
                .filter(f -> f.direction() == Direction.DOWN)
                .map(CorpusRun.Failure::summary).toList();
        assertThat(downFailures).as("down files the server rejected").isEqualTo(expected.downFailures());
        assertThat(flotilla.leftovers()).as("left at base besides Flotilla's tables")
                .isEqualTo(expected.leftAtBase());
        report(project, set, started, upgraded, applied, downgraded);
    }

    private void report(Project project, MigrationSet set, long started, long upgraded, long applied,
                        long downgraded) {
        System.out.printf("corpus run %s on %s: %d revisions; Flotilla up %.2f s, plain client up %.2f s,"
                        + " Flotilla down %.2f s%n", project.folder, dialect(), set.graph().revisions().size(),
                (upgraded - started) / 1e9, (applied - upgraded) / 1e9, (downgraded - applied) / 1e9);
    }
}
