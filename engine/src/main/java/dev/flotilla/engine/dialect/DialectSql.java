package dev.flotilla.engine.dialect;

import java.util.List;

/**
 * The SQL text a dialect writes: pure functions of their arguments, no connection, so that offline
 * {@code --sql} output and online runs use the very same statements. Statements carry no trailing
 * semicolon.
 */
public interface DialectSql {

    /**
     * {@code identifier} quoted for this dialect ({@code "x"} or {@code `x`}), any quote character in it
     * doubled. Throws {@link IllegalArgumentException} for an empty name, a NUL character, or a name
     * longer than the dialect allows (PostgreSQL 63 bytes, MySQL 64 characters).
     */
    String quote(String identifier);

    /**
     * {@code value} as a quoted string literal, for SQL text where it cannot be bound as a parameter
     * (offline scripts, a {@code DO} block's body): single quotes doubled.
     */
    default String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** {@code table} quoted, qualified by {@code schema} (quoted) unless it is null. */
    String table(String schema, String table);

    /**
     * Creates the version table if it is missing: one {@code version_num} column, the primary key,
     * wide enough for any revision id (128 characters).
     */
    List<String> createVersionTable(String schema, String table);

    /**
     * Creates the history table if it is missing, with the columns {@code id} (generated key),
     * {@code run_id}, {@code revision}, {@code direction}, {@code checksum}, {@code started_at},
     * {@code finished_at}, {@code duration_ms}, {@code outcome}, {@code statements_done},
     * {@code statements_total}, {@code done_digest}, {@code error}, {@code applied_by}; see
     * {@code docs/runner.md} for their meaning. No index but the primary key: every read of the table goes
     * by {@code id} or reads it whole, so another index would cost each write and, on PostgreSQL, one more
     * relation in every tenant's schema.
     */
    List<String> createHistoryTable(String schema, String table);

    /** The statement that opens a transaction in an offline script ({@code BEGIN}, {@code START TRANSACTION}). */
    String beginTransaction();

    /**
     * True when a statement may carry data-modifying statements in {@code WITH}, each with
     * {@code RETURNING} (PostgreSQL): the runner then moves a version row and writes its history row in one
     * statement, the second conditional on the first, instead of one round trip each.
     */
    default boolean writableWith() {
        return false;
    }

    /**
     * True when one {@code UPDATE a, b SET …} changes rows of two tables (MySQL, MariaDB): the runner then
     * moves a version row and closes its history row in one statement, which commits by itself.
     */
    default boolean multiTableUpdate() {
        return false;
    }
}
