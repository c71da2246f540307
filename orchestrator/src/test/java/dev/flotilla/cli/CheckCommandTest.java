package dev.flotilla.cli;

import dev.flotilla.cli.TestCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CheckCommandTest {

    @TempDir
    Path dir;

    TestCli cli;

    @BeforeEach
    void initProject() {
        cli = new TestCli(dir);
        cli.ok("init", "-q");
    }

    @Test
    void aSoundFolderReportsItsSizeAndHeads() {
        cli.ok("revision", "-m", "one", "--rev-id", "aaa1");
        cli.ok("revision", "-m", "two", "--rev-id", "bbb2");
        cli.ok("revision", "-m", "side", "--rev-id", "ccc3", "--head", "aaa1", "--splice");
        Result result = cli.run("check");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("No problems found: 3 revisions, heads: bbb2, ccc3\n");
    }

    @Test
    void malformedFilesAreEachReportedWithFileAndLineAndTheExitCodeIsOne() throws Exception {
        cli.ok("revision", "-m", "one", "--rev-id", "aaa1");
        Path noHeader = write("zz_no_header.sql", "select 1;\n");
        Path unknownKey = write("q9_colour.sql", """
                -- revision: q9
                -- down_revision: aaa1
                -- colour: blue
                -- migrate:upgrade
                """);
        Result result = cli.run("check");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo(unknownKey + ":3: unknown header key 'colour'; expected one of revision,"
                + " down_revision, branch_labels, depends_on, message, create_date\n"
                + noHeader + ": no '-- migrate:upgrade' section; every migration file needs one (it may be empty)\n"
                + noHeader + ":1: no '-- revision: <id>' header line; every migration file starts with one\n"
                + noHeader + ":1: no '-- down_revision:' header line; name the revision(s) this one follows,"
                + " or leave the value empty for a base revision\n"
                + noHeader + ":1: SQL outside a section ('select 1;'); move it below a '-- migrate:upgrade' or"
                + " '-- migrate:downgrade' line\n");
    }

    @Test
    void aBrokenGraphIsReportedAtTheHeaderLineAtFault() throws Exception {
        Path orphan = write("bad1_orphan.sql", """
                -- revision: bad1
                -- down_revision: nosuch
                -- message: orphan

                -- migrate:upgrade
                """);
        Result result = cli.run("check");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEqualTo(orphan + ":2: revision bad1 (" + orphan + ") names down_revision nosuch,"
                + " which is not present; fix the id or restore the missing file\n");
    }

    @Test
    void otherCommandsRefuseAMalformedFolderWithExitCodeTwo() throws Exception {
        Path noHeader = write("zz_no_header.sql", "-- migrate:upgrade\n");
        Result result = cli.run("heads");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("error: 2 problems in the migration scripts:\n  " + noHeader + ":1: ");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(cli.versions().resolve(name), text);
    }
}
