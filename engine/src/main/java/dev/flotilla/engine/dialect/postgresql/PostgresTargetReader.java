package dev.flotilla.engine.dialect.postgresql;

import dev.flotilla.engine.dialect.HistoryRow;
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
import java.util.Optional;
import java.util.Set;

/**
 * Reads many schemas of one database. One catalog query says which schemas and tables exist and how big
 * each history table is (for a planning read, whether it never held an unfinished row, and so need not be
 * read at all); then each ordinary table is read with {@code COPY … TO STDOUT}, one round trip
 * a table, when it holds at most {@link #COPY_LIMIT_BYTES}. COPY reads a table without planning a query,
 * so the server never opens the table's indexes nor looks at its statistics: that planning was two thirds
 * of a status read (see {@code bench/README.md}, "Status reads"). A bigger history table (a long-lived
 * tenant's), and a partitioned table (COPY does not read one), are read by SELECTs that take the newest
 * rows through the index: UNION ALL statements of {@link #SCHEMAS_PER_STATEMENT} schemas each, sent
 * {@link #STATEMENTS_PER_ROUND} statements at a time as one multi-statement execute (one network round
 * trip; the driver pipelines them). Small statements because planning a UNION grows faster than its
 * branches; small rounds because of the locks a round holds.
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
    /**
     * The largest history table read whole by COPY: eight pages, some 50 to 400 rows. Past it the two
     * rows a read wants cost less through the index than the whole table costs to send.
     */
    static final long COPY_LIMIT_BYTES = 64 * 1024;

    private static final TargetSql SQL = new TargetSql("CAST(NULL AS BIGINT), CAST(NULL AS VARCHAR), "
            + "CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), "
            + "CAST(NULL AS TIMESTAMPTZ), CAST(NULL AS TIMESTAMPTZ), CAST(NULL AS BIGINT), CAST(NULL AS VARCHAR), "
            + "CAST(NULL AS INTEGER), CAST(NULL AS INTEGER), CAST(NULL AS VARCHAR), CAST(NULL AS TEXT), "
            + "CAST(NULL AS VARCHAR)");

    /**
     * Per schema that exists: the kinds of its version and history tables (null when missing), the
     * history table's size, and whether a planning read may leave it unopened ({@link #CATALOG_PLANNING};
     * then it has no size). Names compared with = (exact, no case folding); ordinary and partitioned
     * tables, as the catalog does; a table with inheritance children counts as partitioned, since COPY
     * reads a parent's own rows only. pg_relation_size locks each table only while it looks at it; the
     * TOAST table (long error texts) is counted by its page count as of its last vacuum, which costs no
     * look at it.
     * <p>Each table is looked up per schema by both keys of pg_class's (relname, relnamespace) index, in
     * a LATERAL subquery that OFFSET 0 keeps from being pulled up into a join. Pulled up, the planner
     * trusts pg_class's statistics, which on a fleet commonly say a relname is unique (they were taken
     * before the tenants' tables existed): it then scans every schema's table of that name once per
     * schema, quadratic in the schemas (1.7 s for 2,500 schemas of 10,000, 7.5 s for 10,000, against
     * 0.15 s and 0.58 s looked up per schema).
     */
    private static final String CATALOG = "SELECT t.i - 1, "
            + "CASE WHEN v.relhassubclass THEN 'p' ELSE v.relkind END, "
            + "CASE WHEN h.relhassubclass THEN 'p' ELSE h.relkind END, "
            + "CASE WHEN h.relkind = 'r' AND u.unused IS NULL THEN pg_catalog.pg_relation_size(h.oid) "
            + "+ COALESCE(h.toast_pages, 0) * CAST(current_setting('block_size') AS bigint) END, "
            + "u.unused IS NOT NULL "
            + "FROM unnest(CAST(? AS text[])) WITH ORDINALITY AS t(name, i) "
            + "JOIN pg_catalog.pg_namespace n ON n.nspname = t.name "
            + "LEFT JOIN LATERAL (SELECT c.relkind, c.relhassubclass FROM pg_catalog.pg_class c "
            + "WHERE c.relname = ? AND c.relnamespace = n.oid AND c.relkind IN ('r', 'p') OFFSET 0) v ON true "
            + "LEFT JOIN LATERAL (SELECT c.oid, c.relkind, c.relhassubclass, "
            + "(SELECT x.relpages FROM pg_catalog.pg_class x WHERE x.oid = c.reltoastrelid) AS toast_pages "
            + "FROM pg_catalog.pg_class c "
            + "WHERE c.relname = ? AND c.relnamespace = n.oid AND c.relkind IN ('r', 'p') OFFSET 0) h ON true ";

    /** A status read opens every history table: it wants the newest row. */
    private static final String CATALOG_STATUS = CATALOG
            + "LEFT JOIN (SELECT CAST(NULL AS boolean) AS unused) u ON false";

    /**
     * A planning read wants unfinished rows only, and a history table whose partial index of them
     * ({@link PostgresSql#unfinishedIndex}) is its metapage alone never held one: it is left unopened (no
     * size, no COPY), which halves a no-op run's round trips. pg_relation_size opens the index, not its
     * table. A btree that has held an entry stays bigger than one page until it is rebuilt (REINDEX,
     * VACUUM FULL, CLUSTER, TRUNCATE), and a rebuilt one holds exactly the table's unfinished rows. A
     * table without the index (made by an earlier version or another owner, or a name too long for one)
     * is read as before. The index is taken for Flotilla's by its name, table, access method and having a
     * predicate; an index of that name made otherwise by hand could hide a dirty row.
     */
    private static final String CATALOG_PLANNING = CATALOG
            + "LEFT JOIN LATERAL (SELECT true AS unused FROM pg_catalog.pg_class x "
            + "JOIN pg_catalog.pg_index i ON i.indexrelid = x.oid "
            + "WHERE x.relname = ? AND x.relnamespace = n.oid AND x.relkind = 'i' AND i.indrelid = h.oid "
            + "AND x.relam = (SELECT a.oid FROM pg_catalog.pg_am a WHERE a.amname = 'btree') "
            + "AND i.indisvalid AND i.indpred IS NOT NULL AND h.relkind = 'r' AND NOT h.relhassubclass "
            + "AND pg_catalog.pg_relation_size(x.oid) <= CAST(current_setting('block_size') AS bigint) "
            + "OFFSET 0) u ON true";

    private static final String HISTORY_COLUMNS = String.join(", ", TargetSql.HISTORY_COLUMNS);
    private static final int OUTCOME = TargetSql.HISTORY_COLUMNS.indexOf("outcome");

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
        List<String> selects = new ArrayList<>();
        Optional<PgCopy> copies = PgCopy.on(connection);
        for (Found found : catalog(connection, collector, versionTable, historyTable, scope)) {
            String schema = collector.targets().get(found.index());
            boolean readHistory = found.historyKind() != null && !found.neverUnfinished();
            boolean copyVersion = copies.isPresent() && found.versionKind() == Kind.ORDINARY;
            boolean copyHistory = copies.isPresent() && readHistory && found.historyKind() == Kind.ORDINARY
                    && found.historyBytes() <= COPY_LIMIT_BYTES;
            if (copyVersion) {
                String table = sql.table(schema, versionTable);
                List<String> lines = copies.get().read("COPY " + table + " (version_num) TO STDOUT");
                parsed(table, () -> lines.forEach(line -> collector.version(found.index(), CopyText.column(line, 0))));
            }
            if (copyHistory) {
                String table = sql.table(schema, historyTable);
                List<String> lines = copies.get().read("COPY " + table + " (" + HISTORY_COLUMNS + ") TO STDOUT");
                parsed(table, () -> history(lines, found.index(), scope, collector));
            }
            String selectVersion = found.versionKind() != null && !copyVersion ? sql.table(schema, versionTable) : null;
            String selectHistory = readHistory && !copyHistory ? sql.table(schema, historyTable) : null;
            if (selectVersion != null || selectHistory != null) {
                selects.add(SQL.select(found.index(), selectVersion, selectHistory, scope));
            }
        }
        for (List<String> round : TargetCollector.chunks(selects, SCHEMAS_PER_STATEMENT * STATEMENTS_PER_ROUND)) {
            round(connection, collector, round);
        }
        Set<Integer> locked = locked(connection, collector, versionTable);
        return TargetCollector.inOrder(targets, collector.result(locked::contains));
    }

    /** Runs {@code parse}; rows it cannot read are the server's answer for {@code table}, named. */
    private static void parsed(String table, Runnable parse) throws SQLException {
        try {
            parse.run();
        } catch (RuntimeException e) {
            throw new SQLException("cannot read the rows COPY sent from " + table + ": " + e.getMessage(), null, e);
        }
    }

    /** How the catalog stores a table that a read can use. */
    private enum Kind { ORDINARY, PARTITIONED }

    /**
     * A schema that exists: its index, its tables' kinds (null when missing), its history table's size (not
     * known when it never held an unfinished row: it was not looked at), and whether it never did.
     */
    private record Found(int index, Kind versionKind, Kind historyKind, long historyBytes, boolean neverUnfinished) {
    }

    /** Tells the collector what exists; returns what the catalog says of each schema that exists. */
    private static List<Found> catalog(Connection connection, TargetCollector collector, String versionTable,
                                       String historyTable, ReadScope scope) throws SQLException {
        List<Found> found = new ArrayList<>();
        String unfinished = PostgresSql.unfinishedIndex(historyTable);
        boolean planning = scope == ReadScope.PLANNING && PostgresSql.fits(unfinished);
        try (PreparedStatement statement = connection.prepareStatement(planning ? CATALOG_PLANNING : CATALOG_STATUS)) {
            Array names = connection.createArrayOf("text", collector.targets().toArray());
            statement.setArray(1, names);
            statement.setString(2, versionTable);
            statement.setString(3, historyTable);
            if (planning) {
                statement.setString(4, unfinished);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    int index = rows.getInt(1);
                    Kind version = kind(rows.getString(2));
                    long bytes = rows.getLong(4);
                    // No size: the table went away since the join saw it (the SELECT then says so), or it
                    // never held an unfinished row and is not read.
                    boolean sized = !rows.wasNull();
                    found.add(new Found(index, version, kind(rows.getString(3)), sized ? bytes : Long.MAX_VALUE,
                            rows.getBoolean(5)));
                    collector.found(index, version != null);
                }
            } finally {
                names.free();
            }
        }
        return found;
    }

    private static Kind kind(String relkind) {
        return relkind == null ? null : relkind.equals("r") ? Kind.ORDINARY : Kind.PARTITIONED;
    }

    /**
     * Gives the collector the two rows of a history table that a read wants: the newest (for a status
     * read) and the newest unfinished one. Only those two are taken apart; the others are looked at for
     * their id and outcome alone.
     */
    private static void history(List<String> lines, int index, ReadScope scope, TargetCollector collector) {
        String newest = null;
        String unfinished = null;
        long newestId = Long.MIN_VALUE;
        long unfinishedId = Long.MIN_VALUE;
        for (String line : lines) {
            long id = Long.parseLong(CopyText.column(line, 0));
            if (id > newestId) {
                newestId = id;
                newest = line;
            }
            if (id > unfinishedId && HistoryRow.unfinished(CopyText.column(line, OUTCOME))) {
                unfinishedId = id;
                unfinished = line;
            }
        }
        boolean status = scope == ReadScope.STATUS;
        if (status && newest != null) {
            collector.history(index, history(newest), true); // the collector keeps it as unfinished too, if it is
        }
        if (unfinished != null && !(status && unfinished == newest)) {
            collector.history(index, history(unfinished), false);
        }
    }

    /** A history row from its COPY line, columns in {@link TargetSql#HISTORY_COLUMNS} order. */
    private static HistoryRow history(String line) {
        String[] columns = CopyText.row(line, TargetSql.HISTORY_COLUMNS.size());
        return new HistoryRow(Long.parseLong(columns[0]), columns[1], columns[2], columns[3], columns[4],
                CopyText.instant(columns[5]), columns[6] == null ? null : CopyText.instant(columns[6]),
                columns[7] == null ? null : Long.valueOf(columns[7]), columns[8], Integer.parseInt(columns[9]),
                Integer.parseInt(columns[10]), columns[11], columns[12], columns[13]);
    }

    private static void round(Connection connection, TargetCollector collector, List<String> selects)
            throws SQLException {
        StringBuilder text = new StringBuilder();
        for (List<String> statement : TargetCollector.chunks(selects, SCHEMAS_PER_STATEMENT)) {
            text.append(String.join(" UNION ALL ", statement)).append(";\n");
        }
        try (Statement statement = connection.createStatement()) {
            Jdbc.eachResult(statement, statement.execute(text.toString()), collector::collect);
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
