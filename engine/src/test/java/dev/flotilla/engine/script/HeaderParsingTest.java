package dev.flotilla.engine.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.revision.Revision;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeaderParsingTest {

    @TempDir
    Path dir;

    @Test
    void everyHeaderKeyLandsInTheRevisionOrTheScript() {
        Path file = ScriptFiles.write(dir, "ae1_add_accounts.sql",
                "-- revision: ae1",
                "-- down_revision: 9f0",
                "-- branch_labels: accounts",
                "-- depends_on: lib1",
                "-- message: add accounts",
                "-- create_date: 2026-11-25 22:04:28.123456",
                "",
                "-- migrate:upgrade",
                "CREATE TABLE accounts (id int);");

        MigrationScript script = MigrationScript.read(file);

        assertThat(script.revision()).isEqualTo(new Revision("ae1", List.of("9f0"), List.of("lib1"),
                List.of("accounts"), "add accounts", file.toString()));
        assertThat(script.createDate()).isEqualTo("2026-11-25 22:04:28.123456");
        assertThat(script.path()).isEqualTo(file);
    }

    @Test
    void anEmptyDownRevisionMakesABase() {
        Path file = ScriptFiles.write(dir, "a_base.sql", "-- revision: a", "-- down_revision:", "-- migrate:upgrade");

        Revision revision = MigrationScript.read(file).revision();

        assertThat(revision.downRevisions()).isEmpty();
        assertThat(revision.isBase()).isTrue();
    }

    @Test
    void severalDownRevisionsMakeAMergeWithWhitespaceTrimmed() {
        Path file = ScriptFiles.write(dir, "m_merge.sql",
                "-- revision:   m1  ",
                "-- down_revision:  a1 ,b2,   c3  ",
                "-- branch_labels: x , y",
                "-- depends_on: lib1,  shared",
                "-- migrate:upgrade");

        Revision revision = MigrationScript.read(file).revision();

        assertThat(revision.id()).isEqualTo("m1");
        assertThat(revision.downRevisions()).containsExactly("a1", "b2", "c3");
        assertThat(revision.branchLabels()).containsExactly("x", "y");
        assertThat(revision.dependsOn()).containsExactly("lib1", "shared");
        assertThat(revision.isMergePoint()).isTrue();
    }

    @Test
    void optionalKeysDefaultToEmpty() {
        Path file = ScriptFiles.write(dir, "a_x.sql", "-- revision: a", "-- down_revision:", "-- migrate:upgrade");

        MigrationScript script = MigrationScript.read(file);

        assertThat(script.revision()).isEqualTo(
                new Revision("a", List.of(), List.of(), List.of(), "", file.toString()));
        assertThat(script.createDate()).isEmpty();
    }

    @Test
    void theHeaderMayFollowBlankLinesAndKeysMayComeInAnyOrder() {
        Path file = ScriptFiles.write(dir, "b_x.sql",
                "",
                "   ",
                "-- message: fix: keep the colon",
                "-- down_revision: a",
                "-- revision: b",
                "-- migrate:upgrade");

        Revision revision = MigrationScript.read(file).revision();

        assertThat(revision.id()).isEqualTo("b");
        assertThat(revision.downRevisions()).containsExactly("a");
        assertThat(revision.message()).isEqualTo("fix: keep the colon");
    }

    @Test
    void aCommentAfterABlankLineIsNotPartOfTheHeader() {
        Path file = ScriptFiles.write(dir, "b_x.sql",
                "-- revision: b",
                "-- down_revision: a",
                "",
                "-- Note: this looks like a key but the header has ended",
                "-- migrate:upgrade");

        assertThat(MigrationScript.read(file).revision().id()).isEqualTo("b");
    }
}
