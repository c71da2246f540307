package dev.flotilla.cli;

import dev.flotilla.cli.TestCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionCommandTest {

    @TempDir
    Path dir;

    TestCli cli;
    String v;

    @BeforeEach
    void initProject() {
        cli = new TestCli(dir);
        cli.ok("init", "-q");
        v = cli.versions().toString();
    }

    @Test
    void threeRevisionsFormOneLineThatHeadsHistoryAndShowPrintAsAlembicDoes() throws Exception {
        assertThat(cli.ok("revision", "-m", "create account table", "--rev-id", "1975ea83b712"))
                .isEqualTo(v + "/1975ea83b712_create_account_table.sql\n");
        assertThat(cli.ok("revision", "-m", "Add a column", "--rev-id", "ae1027a6acf"))
                .isEqualTo(v + "/ae1027a6acf_add_a_column.sql\n");
        String third = cli.ok("revision", "-m", "add an index");
        String id = Path.of(third.strip()).getFileName().toString().substring(0, 12);
        assertThat(id).matches("[0-9a-f]{12}");
        assertThat(third).isEqualTo(v + "/" + id + "_add_an_index.sql\n");

        assertThat(cli.ok("heads")).isEqualTo(id + " (head)\n");
        assertThat(cli.ok("history")).isEqualTo("""
                ae1027a6acf -> %s (head), add an index
                1975ea83b712 -> ae1027a6acf, Add a column
                <base> -> 1975ea83b712, create account table
                """.formatted(id));
        assertThat(cli.ok("show", "ae10")).isEqualTo("""
                Rev: ae1027a6acf
                Parent: 1975ea83b712
                Path: %s/ae1027a6acf_add_a_column.sql

                    Add a column
                   \s
                    Revision ID: ae1027a6acf
                    Revises: 1975ea83b712
                    Create Date: %s

                """.formatted(v, TestCli.CREATE_DATE));
        assertThat(cli.ok("show", "base")).isEmpty();
        assertThat(Files.readString(cli.versions().resolve("1975ea83b712_create_account_table.sql"))).isEqualTo("""
                -- revision: 1975ea83b712
                -- down_revision:
                -- branch_labels:
                -- depends_on:
                -- message: create account table
                -- create_date: %s

                -- migrate:upgrade

                -- migrate:downgrade
                """.formatted(TestCli.CREATE_DATE));
    }

    @Test
    void verboseHistoryPrintsEachLogEntryFollowedByABlankLine() {
        cli.ok("revision", "-m", "first", "--rev-id", "aaa1");
        cli.ok("revision", "-m", "second", "--rev-id", "bbb2");
        assertThat(cli.ok("history", "-v")).isEqualTo("""
                Rev: bbb2 (head)
                Parent: aaa1
                Path: %1$s/bbb2_second.sql

                    second
                   \s
                    Revision ID: bbb2
                    Revises: aaa1
                    Create Date: %2$s

                Rev: aaa1
                Parent: <base>
                Path: %1$s/aaa1_first.sql

                    first
                   \s
                    Revision ID: aaa1
                    Revises:\s
                    Create Date: %2$s

                """.formatted(v, TestCli.CREATE_DATE));
        assertThat(cli.ok("-v", "heads")).isEqualTo(cli.ok("show", "head"));
    }

    @Test
    void historyTakesAlembicsRangesAndRejectsOthers() {
        cli.ok("revision", "-m", "one", "--rev-id", "aaa1");
        cli.ok("revision", "-m", "two", "--rev-id", "bbb2");
        cli.ok("revision", "-m", "three", "--rev-id", "ccc3");
        assertThat(cli.ok("history", "-r", "aaa1:bbb2")).isEqualTo("""
                aaa1 -> bbb2, two
                <base> -> aaa1, one
                """);
        assertThat(cli.ok("history", "-r", "bbb2:")).isEqualTo("""
                bbb2 -> ccc3 (head), three
                aaa1 -> bbb2, two
                """);
        assertThat(cli.ok("history", "-r", "-1:")).isEqualTo(cli.ok("history", "-r", "bbb2:"));

        Result noColon = cli.run("history", "-r", "aaa1");
        assertThat(noColon.exitCode()).isEqualTo(2);
        assertThat(noColon.err()).isEqualTo(
                "error: Range 'aaa1' needs the form FROM:TO ([start]:[end], [start]: or :[end]).\n");
        Result current = cli.run("history", "-r", "current:");
        assertThat(current.exitCode()).isEqualTo(2);
        assertThat(current.err()).isEqualTo("error: history -r with `current` needs a database (--url);"
                + " give revisions instead, e.g. -r base:heads\n");
    }

    @Test
    void aRevisionIdWithAnAtSignIsRefusedAndNothingIsWritten() {
        Result result = cli.run("revision", "-m", "x", "--rev-id", "ab@cd");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: Character '@' is not allowed in revision id 'ab@cd'");
        assertThat(result.out()).isEmpty();
        assertThat(cli.revisionFiles()).isEmpty();
    }

    @Test
    void aRevisionIdThatWouldNameAFileOutsideTheVersionsFolderIsRefused() {
        Result result = cli.run("revision", "-m", "x", "--rev-id", "../escape");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: Revision id '../escape' cannot name a file in the versions folder");
        assertThat(dir.resolve("migrations/escape_x.sql")).doesNotExist();
    }

    @Test
    void aRevisionIdThatIsTakenIsRefusedBeforeAnythingIsWritten() {
        cli.ok("revision", "-m", "one", "--rev-id", "aaa1");
        Result result = cli.run("revision", "-m", "other message", "--rev-id", "aaa1", "--head", "base");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: Revision aaa1 cannot be added; nothing was written:\n  ");
        assertThat(cli.revisionFiles()).containsExactly("aaa1_one.sql");
    }

    @Test
    void aBranchLabelThatIsTakenIsRefusedBeforeAnythingIsWritten() {
        cli.ok("revision", "-m", "one", "--rev-id", "aaa1", "--branch-label", "main");
        Result result = cli.run("revision", "-m", "two", "--rev-id", "bbb2", "--head", "base", "--branch-label", "main");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: Revision bbb2 cannot be added; nothing was written:\n  ")
                .contains("main");
        assertThat(cli.revisionFiles()).containsExactly("aaa1_one.sql");
    }

    @Test
    void aRevisionWithoutMessageGetsAlembicsEmptyMessage() {
        assertThat(cli.ok("revision", "--rev-id", "aaa1")).isEqualTo(v + "/aaa1_empty_message.sql\n");
        assertThat(cli.ok("history")).isEqualTo("<base> -> aaa1 (head), empty message\n");
    }

    @Test
    void generatedIdsAreTwelveHexDigitsAndDiffer() {
        String first = cli.ok("revision", "-m", "a");
        String second = cli.ok("revision", "-m", "b");
        assertThat(first).isNotEqualTo(second);
        assertThat(cli.revisionFiles()).allSatisfy(name -> assertThat(name).matches("[0-9a-f]{12}_[ab]\\.sql"));
    }

    @Test
    void headMayNotBeARevisionThatIsNotAHeadWithoutSplice() {
        cli.ok("revision", "-m", "one", "--rev-id", "aaa1");
        cli.ok("revision", "-m", "two", "--rev-id", "bbb2");
        Result result = cli.run("revision", "-m", "three", "--head", "aaa1");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: Revision aaa1 is not a head revision; please specify"
                + " --splice to create a new branch from this revision\n");
        assertThat(cli.revisionFiles()).hasSize(2);
    }
}
