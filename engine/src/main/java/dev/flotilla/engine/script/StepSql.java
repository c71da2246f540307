package dev.flotilla.engine.script;

import dev.flotilla.engine.revision.Direction;
import dev.flotilla.engine.sql.SqlDialect;
import dev.flotilla.engine.sql.SqlStatement;
import dev.flotilla.engine.sql.StatementSplitter;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The SQL that moves one revision one way on one dialect, whatever format it was read from. Immutable.
 *
 * @param revision      the revision id
 * @param direction     up or down
 * @param file          the file the SQL was read from (for messages)
 * @param firstLine     the file line the text starts on, so statement lines can be reported as file lines
 * @param text          the SQL, verbatim; may be empty (a no-op step)
 * @param transactional false when the step must run outside a transaction ({@code CREATE INDEX
 *                      CONCURRENTLY}, a Flyway/golang-migrate file marked so)
 * @param whole         true when the text must reach the server as one statement, unsplit; such a step
 *                      is treated as non-transactional as a whole
 * @param checksum      the checksum of the file(s) the revision was read from, lower-case hex
 */
public record StepSql(String revision, Direction direction, Path file, int firstLine, String text,
                      boolean transactional, boolean whole, String checksum) {

    public StepSql {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(checksum, "checksum");
        if (firstLine < 1) {
            throw new IllegalArgumentException("firstLine must be 1 or more, not " + firstLine);
        }
    }

    /**
     * The statements to execute, each with its line in {@link #file()}: the text split by the dialect's
     * rules, or the whole text as one statement when {@link #whole()}. Empty for a no-op step. Throws
     * {@link dev.flotilla.engine.sql.SqlSyntaxException} (with file lines) when the text cannot be split.
     */
    public List<SqlStatement> statements(SqlDialect syntax) {
        if (whole) {
            return text.isBlank() ? List.of() : List.of(new SqlStatement(text.strip(), firstLine));
        }
        return StatementSplitter.split(text, syntax).stream()
                .map(s -> new SqlStatement(s.text(), s.line() + firstLine - 1))
                .toList();
    }

    /** False when either flag takes the step out of a transaction. */
    public boolean runsInTransaction() {
        return transactional && !whole;
    }
}
