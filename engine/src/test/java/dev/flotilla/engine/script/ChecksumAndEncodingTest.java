package dev.flotilla.engine.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumAndEncodingTest {

    private static final String TEXT = "-- revision: a\n-- down_revision:\n-- migrate:upgrade\nSELECT 1;\n";
    /** {@code printf '<TEXT>' | sha256sum}. */
    private static final String TEXT_SHA256 = "c31abefd8b82b951bfc9389b211bcfd8786c2bac805ba0c356557900550e6e88";

    @TempDir
    Path dir;

    @Test
    void theChecksumIsTheSha256OfTheTextInLowerCaseHex() {
        Path file = ScriptFiles.writeText(dir, "a_x.sql", TEXT);

        assertThat(MigrationScript.read(file).checksum()).isEqualTo(TEXT_SHA256);
    }

    @Test
    void crlfAndCrLineEndingsGiveTheSameChecksumAndLinesAsLf() {
        Path crlf = ScriptFiles.writeText(dir.resolve("windows"), "a_x.sql", TEXT.replace("\n", "\r\n"));
        Path cr = ScriptFiles.writeText(dir.resolve("classic-mac"), "a_x.sql", TEXT.replace("\n", "\r"));

        MigrationScript fromCrlf = MigrationScript.read(crlf);

        assertThat(fromCrlf.checksum()).isEqualTo(TEXT_SHA256);
        assertThat(MigrationScript.read(cr).checksum()).isEqualTo(TEXT_SHA256);
        assertThat(fromCrlf.upgradeFor("sqlite").body()).isEqualTo("SELECT 1;\n");
        assertThat(fromCrlf.upgradeFor("sqlite").line()).isEqualTo(3);
    }

    @Test
    void aByteOrderMarkIsIgnoredForParsingAndChecksum() {
        Path file = ScriptFiles.writeText(dir, "a_x.sql", "\uFEFF" + TEXT);

        MigrationScript script = MigrationScript.read(file);

        assertThat(script.revision().id()).isEqualTo("a");
        assertThat(script.checksum()).isEqualTo(TEXT_SHA256);
    }

    @Test
    void aDifferentTextGivesADifferentChecksum() {
        Path file = ScriptFiles.writeText(dir, "a_x.sql", TEXT.replace("SELECT 1", "SELECT 2"));

        assertThat(MigrationScript.read(file).checksum()).isNotEqualTo(TEXT_SHA256);
    }

    @Test
    void invalidUtf8IsReportedAtItsLineWithItsOffset() {
        byte[] head = "-- revision: a\n-- down_revision:\n-- message: caf".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 2];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9; // 'é' in Latin-1
        bytes[head.length + 1] = '\n';
        Path file = ScriptFiles.writeBytes(dir, "a_x.sql", bytes);

        assertThat(ScriptFiles.problems(file)).containsExactly(new Problem(file, 3,
                "not valid UTF-8 (byte 0xE9 at offset 48); save the file as UTF-8"));
    }

    @Test
    void anUnreadableFileIsAProblemForThatFile() {
        Path missing = dir.resolve("gone.sql");

        assertThat(ScriptFiles.problems(missing)).containsExactly(new Problem(missing, 0,
                "cannot read the file (no such file); check that it exists and is readable"));
    }
}
