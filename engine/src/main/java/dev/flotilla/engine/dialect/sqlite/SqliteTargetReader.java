package dev.flotilla.engine.dialect.sqlite;

import dev.flotilla.engine.dialect.ReadScope;
import dev.flotilla.engine.dialect.TargetLock;
import dev.flotilla.engine.dialect.TargetLockedException;
import dev.flotilla.engine.dialect.TargetReader;
import dev.flotilla.engine.dialect.TargetRows;
import dev.flotilla.engine.dialect.internal.TargetCollector;
import dev.flotilla.engine.dialect.internal.TargetSql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the targets of one SQLite connection: {@code main} (a file is one target), or attached
 * databases by name. One UNION ALL for all of them. A running row's lock is probed as the runner's
 * status does, by trying {@code BEGIN EXCLUSIVE} without waiting (auto-commit is set for the probe and
 * put back). SQLite cannot read a file while another connection holds it exclusively, so a file in the
 * middle of a step answers after the connection's busy timeout with SQLITE_BUSY. Stateless.
 */
final class SqliteTargetReader implements TargetReader {

    private static final TargetSql SQL = new TargetSql(String.join(", ", Collections.nCopies(14, "NULL")));

    private final SqliteSql sql;

    SqliteTargetReader(SqliteSql sql) {
        this.sql = sql;
    }

    @Override
    public List<TargetRows> read(Connection connection, List<String> targets, String versionTable,
                                 String historyTable, ReadScope scope) throws SQLException {
        TargetCollector collector = new TargetCollector(targets,
                (rows, column) -> parseTime(rows.getString(column)));
        Set<String> attached = attached(connection);
        List<String> selects = new ArrayList<>();
        for (int index = 0; index < collector.targets().size(); index++) {
            String target = collector.targets().get(index);
            if (attached.contains(target)) {
                Set<String> tables = tables(connection, target, versionTable, historyTable);
                boolean versioned = tables.contains(versionTable);
                boolean history = tables.contains(historyTable);
                collector.found(index, versioned);
                if (versioned || history) {
                    selects.add(SQL.select(index, versioned ? sql.table(target, versionTable) : null,
                            history ? sql.table(target, historyTable) : null, scope));
                }
            }
        }
        if (!selects.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(String.join(" UNION ALL ", selects));
                 ResultSet rows = statement.executeQuery()) {
                collector.collect(rows);
            }
        }
        boolean locked = !collector.running().isEmpty() && lockedByAnotherRun(connection, versionTable);
        return TargetCollector.inOrder(targets, collector.result(index -> locked));
    }

    /** The PRAGMA statement, whose names are exact: {@code main}, {@code temp} and attached names. */
    private static Set<String> attached(Connection connection) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA database_list")) {
            while (rows.next()) {
                names.add(rows.getString("name"));
            }
        }
        return names;
    }

    private Set<String> tables(Connection connection, String target, String versionTable, String historyTable)
            throws SQLException {
        Set<String> tables = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT name FROM " + sql.quote(target)
                + ".sqlite_master WHERE type = 'table' AND name IN (?, ?)")) {
            statement.setString(1, versionTable);
            statement.setString(2, historyTable);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }

    /** The file's lock is the whole file's: one probe answers for every target of the connection. */
    private static boolean lockedByAnotherRun(Connection connection, String versionTable) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (TargetLock probe = new ExclusiveLocks().acquire(connection, null, versionTable, Duration.ZERO)) {
            return false;
        } catch (TargetLockedException held) {
            return true;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** ISO-8601 as the runner writes it, or {@code CURRENT_TIMESTAMP}'s form as offline scripts do. */
    private static Instant parseTime(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notIso) {
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        }
    }
}
