package dev.flotilla.engine.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptWriterTest {

    private static final OffsetDateTime WHEN = OffsetDateTime.of(2026, 11, 25, 22, 4, 28, 123_456_000, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void writesTheHeaderAndEmptySectionsToIdUnderscoreSlug() throws IOException {
        NewRevision spec = new NewRevision("ae1", List.of("9f0"), List.of(), List.of(), "Add accounts table", WHEN);

        Path file = ScriptWriter.write(dir, spec);

        assertThat(file).isEqualTo(dir.resolve("ae1_add_accounts_table.sql"));
        assertThat(Files.readString(file)).isEqualTo("""
                -- revision: ae1
                -- down_revision: 9f0
                -- branch_labels:
                -- depends_on:
                -- message: Add accounts table
                -- create_date: 2026-11-25 22:04:28.123456

                -- migrate:upgrade

                -- migrate:downgrade
                """);
    }

    @Test
    void aMergeListsItsParentsCommaSpaceSeparated() throws IOException {
        NewRevision spec = new NewRevision("m1", List.of("a1", "b2"), List.of("main", "v2"), List.of("lib1", "shared"),
                "merge heads", OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)));

        Path file = ScriptWriter.write(dir, spec);

        assertThat(Files.readString(file)).startsWith("""
                -- revision: m1
                -- down_revision: a1, b2
                -- branch_labels: main, v2
                -- depends_on: lib1, shared
                -- message: merge heads
                -- create_date: 2026-01-02 03:04:05.000000
                """);
    }

    @Test
    void anEmptyMessageIsWrittenAsEmptyMessage() throws IOException {
        Path file = ScriptWriter.write(dir, new NewRevision("ae1", List.of(), List.of(), List.of(), "", WHEN));

        assertThat(file.getFileName()).hasToString("ae1_empty_message.sql");
        assertThat(Files.readString(file)).contains("\n-- message: empty message\n");
    }

    @Test
    void createsTheVersionsFolderWhenMissing() {
        Path versions = dir.resolve("migrations/versions");

        Path file = ScriptWriter.write(versions, new NewRevision("a", List.of(), List.of(), List.of(), "init", WHEN));

        assertThat(file).isEqualTo(versions.resolve("a_init.sql")).isRegularFile();
    }

    @Test
    void refusesToOverwriteAndLeavesTheExistingFileAlone() throws IOException {
        Path existing = ScriptFiles.writeText(dir, "ae1_add_t.sql", "keep me\n");
        NewRevision spec = new NewRevision("ae1", List.of(), List.of(), List.of(), "add t", WHEN);

        assertThatThrownBy(() -> ScriptWriter.write(dir, spec))
                .isInstanceOf(ScriptException.class)
                .hasMessage(existing + ": already exists and will not be overwritten; choose another revision id"
                        + " or message, or move the existing file away");
        assertThat(Files.readString(existing)).isEqualTo("keep me\n");
    }

    @Test
    void whatTheWriterWritesTheParserReadsBackToTheSameRevision() {
        NewRevision spec = new NewRevision("m1", List.of("a1", "b2"), List.of("main"), List.of("lib1"),
                "  Merge: heads, again ", WHEN);

        Path file = ScriptWriter.write(dir, spec);
        MigrationScript script = MigrationScript.read(file);

        assertThat(script.revision()).isEqualTo(spec.toRevision(file.toString()));
        assertThat(script.createDate()).isEqualTo("2026-11-25 22:04:28.123456");
        assertThat(script.upgradeFor("postgresql").body()).isEqualTo("\n");
        assertThat(script.downgradeFor("postgresql").sectionOrThrow().body()).isEmpty();
    }
}
