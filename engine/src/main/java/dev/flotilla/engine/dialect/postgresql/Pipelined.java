package dev.flotilla.engine.dialect.postgresql;

import dev.flotilla.engine.dialect.internal.Jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Several statements in one round trip: the PostgreSQL driver sends the statements of one execute
 * together and the server runs them in order. With the driver's default (extended) protocol they run in
 * one implicit transaction outside an explicit one, so a failure takes back every statement of the call,
 * those before it included; in the driver's simple query mode each runs and commits by itself, and the
 * ones after a failure still run. At most one of the statements may return rows: the driver mixes up the
 * result formats of several whose column counts differ when it prepares every statement on the server
 * ({@code prepareThreshold=-1}).
 */
final class Pipelined {

    private Pipelined() {
    }

    /**
     * Runs {@code statements} (each without its semicolon), their parameters in order, and returns the
     * first row of the one that returns rows; null when it returned none, or no statement returns rows.
     */
    static List<Object> run(Connection connection, List<String> statements, List<?> parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(String.join(";\n", statements))) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            List<List<Object>> rows = new ArrayList<>(1);
            Jdbc.eachResult(statement, statement.execute(), result -> {
                if (result.next()) {
                    rows.add(Jdbc.values(result));
                }
            });
            return rows.isEmpty() ? null : rows.get(0);
        }
    }
}
