package dev.flotilla.engine.dialect.postgresql;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** COPY's text format as the server writes it: rows, columns, NULL, escapes and timestamptz in ISO style. */
class CopyTextTest {

    @Test
    void rowsEndAtNewlinesAndTheLastNeedNotHaveOne() {
        byte[] data = "a\tb\nc\td\ne\tf".getBytes(StandardCharsets.UTF_8);

        assertThat(CopyText.lines(data, data.length)).containsExactly("a\tb", "c\td", "e\tf");
        assertThat(CopyText.lines(data, 4)).containsExactly("a\tb");
        assertThat(CopyText.lines(new byte[8], 0)).isEmpty();
    }

    @Test
    void columnsAreUnescapedAndBackslashNIsNull() {
        String line = "1\t\\N\ttab\\there\tline\\nbreak\\r\tback\\\\slash\t\\\\N\tcaf\u00e9 \u2603\t\\b\\f\\v";

        assertThat(CopyText.row(line, 8)).containsExactly("1", null, "tab\there", "line\nbreak\r", "back\\slash",
                "\\N", "caf\u00e9 \u2603", "\b\f\u000B");
        assertThat(CopyText.column(line, 0)).isEqualTo("1");
        assertThat(CopyText.column(line, 1)).isNull();
        assertThat(CopyText.column(line, 4)).isEqualTo("back\\slash");
        assertThat(CopyText.column(line, 7)).isEqualTo("\b\f\u000B");
        assertThat(CopyText.row("", 1)).containsExactly("");
    }

    @Test
    void aRowOfAnotherWidthIsAnError() {
        assertThatThrownBy(() -> CopyText.row("a\tb\tc", 2)).hasMessage("COPY sent more than 2 columns in a row");
        assertThatThrownBy(() -> CopyText.row("a", 2)).hasMessage("COPY sent 1 columns in a row, not 2");
        assertThatThrownBy(() -> CopyText.column("a\tb", 3)).hasMessage("COPY sent a row of 2 columns, not 4 or more");
    }

    @Test
    void timesReadInEveryOffsetStyleTheServerWrites() {
        assertThat(CopyText.instant("2024-05-01 10:00:00+00")).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(CopyText.instant("2024-05-01 15:30:00.5+05:30")).isEqualTo(Instant.parse("2024-05-01T10:00:00.5Z"));
        assertThat(CopyText.instant("2024-05-01 06:30:00.000001-03:30"))
                .isEqualTo(Instant.parse("2024-05-01T10:00:00.000001Z"));
        assertThat(CopyText.instant("1900-01-01 00:19:32.123456+00:19:32"))
                .isEqualTo(Instant.parse("1900-01-01T00:00:00.123456Z"));
        assertThat(CopyText.instant("10000-01-01 00:00:00+00")).isEqualTo(Instant.parse("+10000-01-01T00:00:00Z"));
        assertThat(CopyText.instant("0044-03-15 12:00:00+00 BC")).isEqualTo(Instant.parse("-0043-03-15T12:00:00Z"));
        assertThat(CopyText.instant("2024-05-01 10:00:00")).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(CopyText.instant("infinity")).isEqualTo(OffsetDateTime.MAX.toInstant());
        assertThat(CopyText.instant("-infinity")).isEqualTo(OffsetDateTime.MIN.toInstant());
    }

    @Test
    void aTimeInAnotherStyleIsAnErrorThatQuotesIt() {
        assertThatThrownBy(() -> CopyText.instant("05/01/2024 10:00:00 UTC"))
                .hasMessage("cannot read the time '05/01/2024 10:00:00 UTC' that COPY sent");
    }
}
