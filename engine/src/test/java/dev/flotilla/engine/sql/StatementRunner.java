package dev.flotilla.engine.sql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs split statements one JDBC call each, as the migrator will, and reads back what they made. */
final class StatementRunner {

    private StatementRunner() {
    }

    /** Splits and executes a script; a failure names the source, the statement's line and its text. */
    static int run(Connection connection, String source, String sql, SqlDialect dialect) throws SQLException {
        List<SqlStatement> statements = StatementSplitter.split(sql, dialect);
        try (Statement jdbc = connection.createStatement()) {
            for (SqlStatement statement : statements) {
                try {
                    jdbc.execute(statement.text());
                } catch (SQLException e) {
                    throw new SQLException(source + ":" + statement.line() + ": " + e.getMessage()
                            + "\n" + statement.text(), e.getSQLState(), e.getErrorCode(), e);
                }
            }
        }
        return statements.size();
    }

    static int runFile(Connection connection, Path file, SqlDialect dialect) throws SQLException, IOException {
        return run(connection, file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8), dialect);
    }

    /** The first column of every row, as strings. */
    static List<String> column(Connection connection, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement jdbc = connection.createStatement(); ResultSet rows = jdbc.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    static String single(Connection connection, String query) throws SQLException {
        List<String> values = column(connection, query);
        if (values.size() != 1) {
            throw new IllegalStateException("expected one row from " + query + ", got " + values);
        }
        return values.get(0);
    }
}
