package dev.flotilla.engine.dialect.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The few JDBC chores every dialect repeats: run a statement, read a row, with bound parameters. */
public final class Jdbc {

    private Jdbc() {
    }

    /** Runs one statement that returns no rows worth reading. */
    public static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * The first row of a query as its column values ({@link ResultSet#getObject(int)}), or null when
     * there is none.
     */
    public static List<Object> firstRow(Connection connection, String sql, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = rows(statement, sql)) {
            return rows.next() ? values(rows) : null;
        }
    }

    /** Reads one result set of a statement; see {@link #eachResult}. */
    @FunctionalInterface
    public interface ResultReader {
        void read(ResultSet rows) throws SQLException;
    }

    /**
     * Walks every result of {@code statement}, just executed ({@code isRows}: what execute returned), in
     * order: each result set is given to {@code reader} and closed, update counts are passed over. Every
     * result must be read, or the driver may report a later statement's error against the next call.
     */
    public static void eachResult(Statement statement, boolean isRows, ResultReader reader) throws SQLException {
        while (isRows || statement.getUpdateCount() != -1) {
            if (isRows) {
                try (ResultSet rows = statement.getResultSet()) {
                    reader.read(rows);
                }
            }
            isRows = statement.getMoreResults();
        }
    }

    /** The current row's column values ({@link ResultSet#getObject(int)}), in order. */
    public static List<Object> values(ResultSet rows) throws SQLException {
        int columns = rows.getMetaData().getColumnCount();
        List<Object> values = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
            values.add(rows.getObject(i));
        }
        return values;
    }

    /** The first column of the first row as a string; null when there is no row or the value is null. */
    public static String string(Connection connection, String sql, Object... parameters) throws SQLException {
        List<Object> row = firstRow(connection, sql, parameters);
        return row == null || row.get(0) == null ? null : row.get(0).toString();
    }

    /** Every row's first two columns as strings, in order. */
    public static List<String[]> pairs(Connection connection, String sql, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = rows(statement, sql)) {
            List<String[]> pairs = new ArrayList<>();
            while (rows.next()) {
                pairs.add(new String[] {rows.getString(1), rows.getString(2)});
            }
            return pairs;
        }
    }

    /** Runs an update or a statement with parameters. */
    public static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.execute();
        }
    }

    /**
     * execute() rather than executeQuery(): Connector/J judges by the first word whether a statement
     * returns rows, and refuses MariaDB's {@code SET STATEMENT ... FOR SELECT} in executeQuery().
     */
    private static ResultSet rows(PreparedStatement statement, String sql) throws SQLException {
        if (!statement.execute()) {
            throw new SQLException("Expected rows from: " + sql);
        }
        return statement.getResultSet();
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }
}
