package dev.flotilla.engine.dialect.mysql;

import dev.flotilla.engine.dialect.DialectSql;
import dev.flotilla.engine.dialect.internal.Identifiers;

import java.util.List;

/** MySQL's and MariaDB's SQL text. Stateless. */
final class MySqlSql implements DialectSql {

    /** Both servers refuse longer names for databases, tables, columns and indexes. */
    static final int MAX_IDENTIFIER_CHARS = 64;

    @Override
    public String quote(String identifier) {
        Identifiers.requireUsable(identifier);
        int length = identifier.codePointCount(0, identifier.length());
        if (length > MAX_IDENTIFIER_CHARS) {
            throw new IllegalArgumentException("MySQL identifiers are at most " + MAX_IDENTIFIER_CHARS
                    + " characters; '" + identifier + "' has " + length);
        }
        return Identifiers.quote(identifier, '`');
    }

    /** Backslashes doubled too: MySQL's default SQL mode reads them as escapes. */
    @Override
    public String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    public String table(String schema, String table) {
        return schema == null ? quote(table) : quote(schema) + "." + quote(table);
    }

    /** The constraint name is accepted and ignored (a primary key is always named PRIMARY); kept as Alembic writes it. */
    @Override
    public List<String> createVersionTable(String schema, String table) {
        return List.of("CREATE TABLE IF NOT EXISTS " + table(schema, table)
                + " (version_num VARCHAR(128) NOT NULL, " + constraint(table + "_pkc") + "PRIMARY KEY (version_num))"
                + " ENGINE=InnoDB");
    }

    @Override
    public List<String> createHistoryTable(String schema, String table) {
        return List.of("CREATE TABLE IF NOT EXISTS " + table(schema, table) + " ("
                + "id BIGINT AUTO_INCREMENT PRIMARY KEY, "
                + "run_id VARCHAR(36) NOT NULL, "
                + "revision VARCHAR(128) NOT NULL, "
                + "direction VARCHAR(16) NOT NULL, "
                + "checksum VARCHAR(64), "
                + "started_at DATETIME(6) NOT NULL, "
                + "finished_at DATETIME(6), "
                + "duration_ms BIGINT, "
                + "outcome VARCHAR(16) NOT NULL, "
                + "statements_done INTEGER NOT NULL DEFAULT 0, "
                + "statements_total INTEGER NOT NULL DEFAULT 0, "
                + "done_digest VARCHAR(64), "
                + "error TEXT, "
                + "applied_by VARCHAR(255) NOT NULL) ENGINE=InnoDB");
    }

    @Override
    public boolean multiTableUpdate() {
        return true;
    }

    @Override
    public String beginTransaction() {
        return "START TRANSACTION";
    }

    private String constraint(String name) {
        return fits(name) ? "CONSTRAINT " + quote(name) + " " : "";
    }

    private static boolean fits(String name) {
        return name.codePointCount(0, name.length()) <= MAX_IDENTIFIER_CHARS;
    }
}
