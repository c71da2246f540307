package dev.flotilla.engine.migrate;

import dev.flotilla.engine.dialect.Dialect;
import dev.flotilla.engine.revision.VersionRowChange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A target's version table: one row per current head. Every change is compare-and-set: an update or
 * delete names the row it expects, and a row count other than one means another writer got there first.
 */
final class VersionTable {

    private final Dialect dialect;
    private final String schema;
    private final String name;
    private final String qualified;

    VersionTable(Dialect dialect, String schema, String name) {
        this.dialect = dialect;
        this.schema = schema;
        this.name = name;
        this.qualified = dialect.sql().table(schema, name);
    }

    String name() {
        return name;
    }

    boolean exists(Connection connection) throws SQLException {
        return dialect.catalog().tableExists(connection, schema, name);
    }

    List<String> createStatements() {
        return dialect.sql().createVersionTable(schema, name);
    }

    /** The rows, in the table's order (the caller orders them by the graph). */
    List<String> read(Connection connection) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT version_num FROM " + qualified);
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    /** Applies the changes on the connection's current transaction; throws on a row count other than one. */
    void apply(Connection connection, List<VersionRowChange> changes) throws SQLException {
        for (VersionRowChange change : changes) {
            try (PreparedStatement statement = connection.prepareStatement(template(change))) {
                bind(statement, 1, change);
                int count = statement.executeUpdate();
                if (count != 1) {
                    throw conflict(change, count);
                }
            }
        }
    }

    /** The qualified, quoted table name, for statements that join it with another table. */
    String qualified() {
        return qualified;
    }

    /** The compare-and-set statement of {@code change}, with parameter marks (bound by {@link #bind}). */
    String template(VersionRowChange change) {
        return text(change, v -> "?");
    }

    /** Binds the values of {@link #template} from parameter {@code first} on; returns the next free index. */
    static int bind(PreparedStatement statement, int first, VersionRowChange change) throws SQLException {
        List<String> values = values(change);
        for (int i = 0; i < values.size(); i++) {
            statement.setString(first + i, values.get(i));
        }
        return first + values.size();
    }

    /** The failure of a change that touched {@code count} rows instead of one. */
    VersionConflictException conflict(VersionRowChange change, int count) {
        return new VersionConflictException("The version table " + qualified + " changed under this run: "
                + describe(change) + " touched " + count + " rows instead of 1. Another process wrote"
                + " to it; nothing of this step was kept. Look at 'current' and run again.");
    }

    /** The same changes as literal SQL, for offline scripts. */
    List<String> literalStatements(List<VersionRowChange> changes) {
        return changes.stream().map(c -> text(c, dialect.sql()::literal)).toList();
    }

    /** The statement for a change, each value written by {@code value} (a parameter mark or a literal). */
    private String text(VersionRowChange change, java.util.function.UnaryOperator<String> value) {
        List<String> values = values(change).stream().map(value).toList();
        if (change instanceof VersionRowChange.Insert) {
            return "INSERT INTO " + qualified + " (version_num) VALUES (" + values.get(0) + ")";
        }
        if (change instanceof VersionRowChange.Delete) {
            return "DELETE FROM " + qualified + " WHERE version_num = " + values.get(0);
        }
        return "UPDATE " + qualified + " SET version_num = " + values.get(0) + " WHERE version_num = " + values.get(1);
    }

    /** The revision a change is about: the one inserted, moved to, or deleted. */
    static String revisionOf(VersionRowChange change) {
        if (change instanceof VersionRowChange.Insert insert) {
            return insert.revision();
        }
        if (change instanceof VersionRowChange.Update update) {
            return update.to();
        }
        return ((VersionRowChange.Delete) change).revision();
    }

    /** The values the template's parameters take, in order. */
    private static List<String> values(VersionRowChange change) {
        if (change instanceof VersionRowChange.Insert insert) {
            return List.of(insert.revision());
        }
        if (change instanceof VersionRowChange.Delete delete) {
            return List.of(delete.revision());
        }
        VersionRowChange.Update update = (VersionRowChange.Update) change;
        return List.of(update.to(), update.from());
    }

    private static String describe(VersionRowChange change) {
        if (change instanceof VersionRowChange.Insert insert) {
            return "inserting " + insert.revision();
        }
        if (change instanceof VersionRowChange.Delete delete) {
            return "deleting " + delete.revision();
        }
        VersionRowChange.Update update = (VersionRowChange.Update) change;
        return "moving " + update.from() + " to " + update.to();
    }
}
