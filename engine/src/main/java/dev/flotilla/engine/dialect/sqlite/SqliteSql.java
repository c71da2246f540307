package dev.flotilla.engine.dialect.sqlite;

import dev.flotilla.engine.dialect.DialectSql;
import dev.flotilla.engine.dialect.internal.Identifiers;

import java.util.List;

/** SQLite's SQL text. SQLite sets no length limit on names. Stateless. */
final class SqliteSql implements DialectSql {

    @Override
    public String quote(String identifier) {
        return Identifiers.quote(identifier, '"');
    }

    @Override
    public String table(String schema, String table) {
        return schema == null ? quote(table) : quote(schema) + "." + quote(table);
    }

    @Override
    public List<String> createVersionTable(String schema, String table) {
        return List.of("CREATE TABLE IF NOT EXISTS " + table(schema, table) + " (version_num VARCHAR(128) NOT NULL, "
                + "CONSTRAINT " + quote(table + "_pkc") + " PRIMARY KEY (version_num))");
    }

    /** Timestamps are TEXT, which SQLite's date functions read as ISO-8601. */
    @Override
    public List<String> createHistoryTable(String schema, String table) {
        return List.of("CREATE TABLE IF NOT EXISTS " + table(schema, table) + " ("
                        + "id INTEGER PRIMARY KEY AUTOINCREMENT, "
                        + "run_id VARCHAR(36) NOT NULL, "
                        + "revision VARCHAR(128) NOT NULL, "
                        + "direction VARCHAR(16) NOT NULL, "
                        + "checksum VARCHAR(64), "
                        + "started_at TEXT NOT NULL, "
                        + "finished_at TEXT, "
                        + "duration_ms BIGINT, "
                        + "outcome VARCHAR(16) NOT NULL, "
                        + "statements_done INTEGER NOT NULL DEFAULT 0, "
                        + "statements_total INTEGER NOT NULL DEFAULT 0, "
                        + "done_digest VARCHAR(64), "
                        + "error TEXT, "
                        + "applied_by VARCHAR(255) NOT NULL)");
    }

    @Override
    public String beginTransaction() {
        return "BEGIN";
    }
}
