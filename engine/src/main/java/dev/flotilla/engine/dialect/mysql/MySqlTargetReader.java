package dev.flotilla.engine.dialect.mysql;

import dev.flotilla.engine.dialect.ReadScope;
import dev.flotilla.engine.dialect.TargetReader;
import dev.flotilla.engine.dialect.TargetRows;
import dev.flotilla.engine.dialect.internal.TargetCollector;
import dev.flotilla.engine.dialect.internal.TargetSql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads many databases of one MySQL or MariaDB server over one connection, whatever its current
 * database: information_schema for which databases and tables exist ({@link #NAMES_PER_QUERY} names a
 * query), then UNION ALL statements of {@link #DATABASES_PER_STATEMENT} databases each (Connector/J sends
 * one statement per call unless the URL allows more), then one {@code IS_USED_LOCK} per database with a
 * running row, all in one SELECT. information_schema compares names case-insensitively, so what it
 * returns is compared again here, exactly. Stateless.
 */
final class MySqlTargetReader implements TargetReader {

    static final int DATABASES_PER_STATEMENT = 25;
    static final int NAMES_PER_QUERY = 500;

    /** Typed times: an untyped NULL in the first branch makes the union's column lose its fractions. */
    private static final TargetSql SQL = new TargetSql("NULL, NULL, NULL, NULL, NULL, CAST(NULL AS DATETIME(6)), "
            + "CAST(NULL AS DATETIME(6)), NULL, NULL, NULL, NULL, NULL, NULL, NULL");

    private final MySqlSql sql;

    MySqlTargetReader(MySqlSql sql) {
        this.sql = sql;
    }

    @Override
    public List<TargetRows> read(Connection connection, List<String> targets, String versionTable,
                                 String historyTable, ReadScope scope) throws SQLException {
        TargetCollector collector = new TargetCollector(targets,
                (rows, column) -> {
                    LocalDateTime value = rows.getObject(column, LocalDateTime.class);
                    return value == null ? null : value.toInstant(ZoneOffset.UTC);
                });
        List<String> selects = catalog(connection, collector, versionTable, historyTable, scope);
        for (List<String> chunk : TargetCollector.chunks(selects, DATABASES_PER_STATEMENT)) {
            try (PreparedStatement statement = connection.prepareStatement(String.join(" UNION ALL ", chunk));
                 ResultSet rows = statement.executeQuery()) {
                collector.collect(rows);
            }
        }
        Set<Integer> locked = locked(connection, collector, versionTable);
        return TargetCollector.inOrder(targets, collector.result(locked::contains));
    }

    /** Tells the collector what exists; returns one SELECT per database that has either table. */
    private List<String> catalog(Connection connection, TargetCollector collector, String versionTable,
                                 String historyTable, ReadScope scope) throws SQLException {
        List<String> names = collector.targets();
        Map<String, Set<String>> tables = new HashMap<>();
        for (List<String> chunk : TargetCollector.chunks(names, NAMES_PER_QUERY)) {
            schemata(connection, chunk, tables);
            tables(connection, chunk, versionTable, historyTable, tables);
        }
        List<String> selects = new ArrayList<>();
        for (int index = 0; index < names.size(); index++) {
            Set<String> found = tables.get(names.get(index));
            if (found == null) {
                continue;
            }
            boolean versioned = found.contains(versionTable);
            boolean history = found.contains(historyTable);
            collector.found(index, versioned);
            if (versioned || history) {
                String database = names.get(index);
                selects.add(SQL.select(index, versioned ? sql.table(database, versionTable) : null,
                        history ? sql.table(database, historyTable) : null, scope));
            }
        }
        return selects;
    }

    private static void schemata(Connection connection, List<String> names, Map<String, Set<String>> tables)
            throws SQLException {
        String query = "SELECT schema_name FROM information_schema.schemata WHERE schema_name IN ("
                + marks(names.size()) + ")";
        try (PreparedStatement statement = bound(connection, query, names);
             ResultSet rows = statement.executeQuery()) {
            Set<String> wanted = new HashSet<>(names);
            while (rows.next()) {
                if (wanted.contains(rows.getString(1))) {
                    tables.put(rows.getString(1), new HashSet<>());
                }
            }
        }
    }

    private static void tables(Connection connection, List<String> names, String versionTable, String historyTable,
                               Map<String, Set<String>> tables) throws SQLException {
        String query = "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema IN ("
                + marks(names.size()) + ") AND table_name IN (?, ?) AND table_type = 'BASE TABLE'";
        List<String> parameters = new ArrayList<>(names);
        parameters.add(versionTable);
        parameters.add(historyTable);
        try (PreparedStatement statement = bound(connection, query, parameters);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Set<String> found = tables.get(rows.getString(1));
                if (found != null) {
                    found.add(rows.getString(2));
                }
            }
        }
    }

    /** The indexes of the databases with a running row whose GET_LOCK name some session holds now. */
    private static Set<Integer> locked(Connection connection, TargetCollector collector, String versionTable)
            throws SQLException {
        List<Integer> running = collector.running();
        Set<Integer> locked = new HashSet<>();
        if (running.isEmpty()) {
            return locked;
        }
        List<String> names = running.stream().map(i -> LockName.of(collector.targets().get(i), versionTable)).toList();
        String query = "SELECT " + String.join(", ", Collections.nCopies(names.size(), "IS_USED_LOCK(?)"));
        try (PreparedStatement statement = bound(connection, query, names);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            for (int i = 0; i < running.size(); i++) {
                if (rows.getObject(i + 1) != null) {
                    locked.add(running.get(i));
                }
            }
        }
        return locked;
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static PreparedStatement bound(Connection connection, String query, List<String> values)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(query);
        for (int i = 0; i < values.size(); i++) {
            statement.setString(i + 1, values.get(i));
        }
        return statement;
    }
}
