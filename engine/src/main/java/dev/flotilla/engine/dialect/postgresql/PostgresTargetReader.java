package dev.flotilla.engine.dialect.postgresql;

import dev.flotilla.engine.dialect.ReadScope;
import dev.flotilla.engine.dialect.TargetReader;
import dev.flotilla.engine.dialect.TargetRows;
import dev.flotilla.engine.dialect.internal.Jdbc;
import dev.flotilla.engine.dialect.internal.TargetCollector;
import dev.flotilla.engine.dialect.internal.TargetSql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads many schemas of one database: one catalog query for which schemas and tables exist, then the
 * schemas' rows as UNION ALL statements of {@link #SCHEMAS_PER_STATEMENT} schemas each, sent
 * {@link #STATEMENTS_PER_ROUND} statements at a time as one multi-statement execute (one network round
 * trip; the driver pipelines them). Small statements because planning a UNION grows faster than its
 * branches (see {@code bench/README.md}); small rounds because of the locks a round holds.
 * A running row's lock is looked up in pg_locks once for every such schema. Stateless.
 */
final class PostgresTargetReader implements TargetReader {

    static final int SCHEMAS_PER_STATEMENT = 10;
    /**
     * The statements of one execute run in one implicit transaction, which keeps a lock on every table
     * and index it read until the last one ends: ten statements hold at most 500 (100 schemas of two
     * tables and three indexes), well inside the server-wide lock table (64 x max_connections by
     * default) that every session shares. A round of 10,000 tables fails with "out of shared memory".
     */
    static final int STATEMENTS_PER_ROUND = 10;

    private static final TargetSql SQL = new TargetSql("CAST(NULL AS BIGINT), CAST(NULL AS VARCHAR), "
            + "CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), "
            + "CAST(NULL AS TIMESTAMPTZ), CAST(NULL AS TIMESTAMPTZ), CAST(NULL AS BIGINT), CAST(NULL AS VARCHAR), "
            + "CAST(NULL AS INTEGER), CAST(NULL AS INTEGER), CAST(NULL AS VARCHAR), CAST(NULL AS TEXT), "
            + "CAST(NULL AS VARCHAR)");

    /** Names compared with = (exact, no case folding); ordinary and partitioned tables, as the catalog does. */
    private static final String CATALOG = "SELECT t.i - 1, "
            + "EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.relnamespace = n.oid AND c.relname = ? "
            + "AND c.relkind IN ('r', 'p')), "
            + "EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.relnamespace = n.oid AND c.relname = ? "
            + "AND c.relkind IN ('r', 'p')) "
            + "FROM unnest(CAST(? AS text[])) WITH ORDINALITY AS t(name, i) "
            + "JOIN pg_catalog.pg_namespace n ON n.nspname = t.name";

    private final PostgresSql sql;

    PostgresTargetReader(PostgresSql sql) {
        this.sql = sql;
    }

    @Override
    public List<TargetRows> read(Connection connection, List<String> targets, String versionTable,
                                 String historyTable, ReadScope scope) throws SQLException {
        TargetCollector collector = new TargetCollector(targets,
                (rows, column) -> {
                    OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
                    return value == null ? null : value.toInstant();
                });
        List<String> selects = catalog(connection, collector, versionTable, historyTable, scope);
        for (List<String> round : TargetCollector.chunks(selects, SCHEMAS_PER_STATEMENT * STATEMENTS_PER_ROUND)) {
            round(connection, collector, round);
        }
        Set<Integer> locked = locked(connection, collector, versionTable);
        return TargetCollector.inOrder(targets, collector.result(locked::contains));
    }

    /** Tells the collector what exists; returns one SELECT per schema that has either table. */
    private List<String> catalog(Connection connection, TargetCollector collector, String versionTable,
                                 String historyTable, ReadScope scope) throws SQLException {
        List<String> selects = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(CATALOG)) {
            statement.setString(1, versionTable);
            statement.setString(2, historyTable);
            Array names = connection.createArrayOf("text", collector.targets().toArray());
            statement.setArray(3, names);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    int index = rows.getInt(1);
                    boolean versioned = rows.getBoolean(2);
                    boolean history = rows.getBoolean(3);
                    collector.found(index, versioned);
                    if (versioned || history) {
                        String schema = collector.targets().get(index);
                        selects.add(SQL.select(index, versioned ? sql.table(schema, versionTable) : null,
                                history ? sql.table(schema, historyTable) : null, scope));
                    }
                }
            } finally {
                names.free();
            }
        }
        return selects;
    }

    private static void round(Connection connection, TargetCollector collector, List<String> selects)
            throws SQLException {
        StringBuilder text = new StringBuilder();
        for (List<String> statement : TargetCollector.chunks(selects, SCHEMAS_PER_STATEMENT)) {
            text.append(String.join(" UNION ALL ", statement)).append(";\n");
        }
        try (Statement statement = connection.createStatement()) {
            boolean rows = statement.execute(text.toString());
            while (rows || statement.getUpdateCount() != -1) {
                if (rows) {
                    try (ResultSet result = statement.getResultSet()) {
                        collector.collect(result);
                    }
                }
                rows = statement.getMoreResults();
            }
        }
    }

    /** The indexes of the schemas with a running row whose advisory lock some session holds now. */
    private static Set<Integer> locked(Connection connection, TargetCollector collector, String versionTable)
            throws SQLException {
        List<Integer> running = collector.running();
        Set<Integer> locked = new HashSet<>();
        if (running.isEmpty()) {
            return locked;
        }
        String database = Jdbc.string(connection, "SELECT current_database()");
        Set<Long> held = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT l.classid::bigint, l.objid::bigint "
                + "FROM pg_catalog.pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 "
                + "AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                held.add((rows.getLong(1) << 32) | rows.getLong(2));
            }
        }
        for (int index : running) {
            if (held.contains(new AdvisoryKey(database, collector.targets().get(index), versionTable).value())) {
                locked.add(index);
            }
        }
        return locked;
    }
}
