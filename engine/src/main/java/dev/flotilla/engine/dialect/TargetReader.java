package dev.flotilla.engine.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads where many targets on one server stand, in a few queries over one connection: for each
 * PostgreSQL schema or MySQL/MariaDB database (a SQLite connection has one target, {@code main}),
 * whether it exists, its version rows, its dirty step and (for status) its newest history row. Takes no lock,
 * creates nothing and changes no setting of the connection; every name is quoted by the dialect.
 *
 * <p>The dirty step has the meaning of {@code Migrator.status}: the newest history row whose outcome is
 * {@code dirty} or {@code running}, where a {@code running} row counts only when no run holds the
 * target's lock now (else that run is still going). Implementations are stateless and thread-safe; the
 * connection must not be used by another thread during a call.
 */
public interface TargetReader {

    /**
     * One entry per target, in the order given (duplicates read once, reported each time).
     *
     * @param targets      schema or database names, exact; not null, none null
     * @param versionTable the version table's name, unqualified
     * @param historyTable the history table's name, unqualified
     * @param scope        what to read of each history table; with {@link ReadScope#PLANNING} every entry's
     *                     {@link TargetRows#newest()} is empty
     */
    List<TargetRows> read(Connection connection, List<String> targets, String versionTable, String historyTable,
                          ReadScope scope) throws SQLException;

    /** {@link #read(Connection, List, String, String, ReadScope)} with {@link ReadScope#STATUS}: everything. */
    default List<TargetRows> read(Connection connection, List<String> targets, String versionTable,
                                  String historyTable) throws SQLException {
        return read(connection, targets, versionTable, historyTable, ReadScope.STATUS);
    }
}
