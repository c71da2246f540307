package dev.flotilla.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The journal table's name and its DDL, plain SQL that PostgreSQL, MySQL/MariaDB and SQLite accept: one
 * row per record, {@code (run_id, seq)} its key, the record's JSON in {@code entry} and, for people
 * querying it, the kind, tenant and outcome in columns of their own. Immutable.
 */
record JournalTable(String name) {

    /** The table a SQL registry's control database keeps journals in, unless configured otherwise. */
    static final String DEFAULT = "flotilla_runs";

    // Not quoted (quoting differs between the dialects), so only plain names are accepted.
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    JournalTable {
        if (name == null || !PLAIN.matcher(name).matches()) {
            throw new IllegalArgumentException("the journal table must be a plain name (letters, digits, '_', "
                    + "at most 63), found " + (name == null ? "none" : "'" + name + "'"));
        }
    }

    void createIfMissing(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + name + " ("
                    + "run_id VARCHAR(100) NOT NULL, "
                    + "seq INTEGER NOT NULL, "
                    + "kind VARCHAR(16) NOT NULL, "
                    + "tenant VARCHAR(255), "
                    + "outcome VARCHAR(16), "
                    + "entry " + textType(connection) + " NOT NULL, "
                    + "PRIMARY KEY (run_id, seq))");
        }
    }

    /**
     * MySQL's TEXT holds 64 KB, less than the header of a run over 10,000 tenants; LONGTEXT holds 4 GB.
     * PostgreSQL's and SQLite's TEXT have no such limit (and no LONGTEXT).
     */
    private static String textType(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("mysql") || product.contains("mariadb") ? "LONGTEXT" : "TEXT";
    }

    /** One INSERT of {@code rows} rows: a single round trip on every driver, without driver-specific batching. */
    String insert(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO " + name + " (run_id, seq, kind, tenant, outcome, entry) VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
        }
        return sql.toString();
    }

    String selectRun() {
        return "SELECT entry FROM " + name + " WHERE run_id = ? ORDER BY seq";
    }

    String selectHeaders() {
        return "SELECT entry FROM " + name + " WHERE seq = 0";
    }
}
