package dev.flotilla.engine.dialect.postgresql;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@code COPY … TO STDOUT} sends in its text format: rows ended by a newline, columns
 * separated by a tab, {@code \N} for NULL, and backslash escapes for the backslash and for control
 * characters. The driver holds the session at client_encoding UTF8 and DateStyle ISO, so the bytes are
 * UTF-8 and a {@code timestamptz} reads as {@code 2024-05-01 10:00:00.123456+05:30} in the session's time
 * zone (an offset may have seconds, a year more than four digits or a {@code BC} suffix). Stateless.
 */
final class CopyText {

    private CopyText() {
    }

    /** The rows of {@code data}, each still as its line (without the newline). */
    static List<String> lines(byte[] data, int length) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (data[i] == '\n') {
                lines.add(new String(data, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < length) {
            lines.add(new String(data, start, length - start, StandardCharsets.UTF_8));
        }
        return lines;
    }

    /** Column {@code column} (from 0) of a row, NULL as null; cheaper than the whole row when one is wanted. */
    static String column(String line, int column) {
        int start = 0;
        for (int i = 0; i < column; i++) {
            start = line.indexOf('\t', start) + 1;
            if (start == 0) {
                throw new IllegalStateException("COPY sent a row of " + (i + 1) + " columns, not " + (column + 1)
                        + " or more");
            }
        }
        int end = line.indexOf('\t', start);
        return value(line.substring(start, end < 0 ? line.length() : end));
    }

    /** One row's columns; a row with another number of columns is not what was asked for. */
    static String[] row(String line, int columns) {
        String[] values = new String[columns];
        int column = 0;
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == '\t') {
                if (column == columns) {
                    throw new IllegalStateException("COPY sent more than " + columns + " columns in a row");
                }
                values[column++] = value(line.substring(start, i));
                start = i + 1;
            }
        }
        if (column != columns) {
            throw new IllegalStateException("COPY sent " + column + " columns in a row, not " + columns);
        }
        return values;
    }

    private static String value(String raw) {
        if (raw.equals("\\N")) {
            return null;
        }
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder value = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 == raw.length()) {
                value.append(c);
                continue;
            }
            char next = raw.charAt(++i);
            switch (next) {
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'v' -> value.append('\u000B');
                default -> value.append(next); // the backslash itself; COPY TO writes no other escape
            }
        }
        return value.toString();
    }

    /** A {@code timestamptz} in the ISO output style; {@code infinity} as the driver reads it. */
    static Instant instant(String text) {
        if (text.equals("infinity")) {
            return OffsetDateTime.MAX.toInstant();
        }
        if (text.equals("-infinity")) {
            return OffsetDateTime.MIN.toInstant();
        }
        try {
            boolean bc = text.endsWith(" BC");
            String value = bc ? text.substring(0, text.length() - 3) : text;
            int dash = value.indexOf('-', 1);
            int year = Integer.parseInt(value.substring(0, dash));
            LocalDate date = LocalDate.of(bc ? 1 - year : year, Integer.parseInt(value.substring(dash + 1, dash + 3)),
                    Integer.parseInt(value.substring(dash + 4, dash + 6)));
            int time = dash + 7;
            int hour = Integer.parseInt(value.substring(time, time + 2));
            int minute = Integer.parseInt(value.substring(time + 3, time + 5));
            int second = Integer.parseInt(value.substring(time + 6, time + 8));
            int at = time + 8;
            int nanos = 0;
            if (at < value.length() && value.charAt(at) == '.') {
                int end = at + 1;
                while (end < value.length() && Character.isDigit(value.charAt(end))) {
                    end++;
                }
                String digits = (value.substring(at + 1, end) + "000000000").substring(0, 9);
                nanos = Integer.parseInt(digits);
                at = end;
            }
            return OffsetDateTime.of(date, LocalTime.of(hour, minute, second, nanos), offset(value.substring(at)))
                    .toInstant();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read the time '" + text + "' that COPY sent", e);
        }
    }

    /** {@code +HH}, {@code +HH:MM} or {@code +HH:MM:SS}; none (a {@code timestamp} column) is UTC. */
    private static ZoneOffset offset(String text) {
        if (text.isEmpty()) {
            return ZoneOffset.UTC;
        }
        int sign = text.charAt(0) == '-' ? -1 : 1;
        String[] parts = text.substring(1).split(":");
        int hours = Integer.parseInt(parts[0]);
        int minutes = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        int seconds = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
        return ZoneOffset.ofHoursMinutesSeconds(sign * hours, sign * minutes, sign * seconds);
    }
}
