package dev.flotilla.engine.migrate;

import dev.flotilla.engine.dialect.Dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads and writes the history table's time columns in UTC, as each dialect stores them: PostgreSQL
 * {@code timestamptz}, MySQL {@code DATETIME(6)} holding UTC, SQLite ISO-8601 text.
 */
final class TimeColumns {

    private final String dialect;

    TimeColumns(Dialect dialect) {
        this.dialect = dialect.name();
    }

    void set(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setObject(index, null);
            return;
        }
        switch (dialect) {
            case "postgresql" -> statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
            case "mysql" -> statement.setObject(index, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
            default -> statement.setString(index, value.toString());
        }
    }

    Instant get(ResultSet rs, String column) throws SQLException {
        switch (dialect) {
            case "postgresql" -> {
                OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
                return value == null ? null : value.toInstant();
            }
            case "mysql" -> {
                LocalDateTime value = rs.getObject(column, LocalDateTime.class);
                return value == null ? null : value.toInstant(ZoneOffset.UTC);
            }
            default -> {
                return parseText(rs.getString(column));
            }
        }
    }

    /** ISO-8601 as written online, or SQLite's {@code CURRENT_TIMESTAMP} form as offline scripts write it. */
    private static Instant parseText(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notIso) {
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        }
    }
}
