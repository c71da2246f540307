package dev.flotilla.engine.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A {@link Migrator} bound to a {@link DataSource}, for application code: each call borrows one
 * connection, migrates the target on it and gives it back (closes it), positioned as it was. The same
 * operations as {@link Migrator}, with the same exceptions; a connection that cannot be borrowed is a
 * {@link MigrationException} that changed nothing. Thread-safe when the data source is.
 */
public final class DataSourceMigrator {

    private final DataSource dataSource;
    private final Migrator migrator;

    public DataSourceMigrator(DataSource dataSource, Migrator migrator) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.migrator = Objects.requireNonNull(migrator, "migrator");
    }

    public RunResult upgrade(String schema, String destination) {
        return withConnection(schema, c -> migrator.upgrade(c, schema, destination));
    }

    public RunResult downgrade(String schema, String destination) {
        return withConnection(schema, c -> migrator.downgrade(c, schema, destination));
    }

    public RunResult stamp(String schema, List<String> destinations, boolean purge) {
        return withConnection(schema, c -> migrator.stamp(c, schema, destinations, purge));
    }

    public RunResult repair(String schema, RepairAction action) {
        return withConnection(schema, c -> migrator.repair(c, schema, action));
    }

    public TargetStatus status(String schema) {
        return withConnection(schema, c -> migrator.status(c, schema));
    }

    public List<HistoryEntry> history(String schema) {
        return withConnection(schema, c -> migrator.history(c, schema));
    }

    private interface Work<T> {
        T run(Connection connection);
    }

    private <T> T withConnection(String schema, Work<T> work) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new MigrationException("Cannot borrow a connection for " + (schema == null ? "the target" : schema)
                    + " from the data source: " + Failures.databaseMessage(e) + "\n  Nothing was changed.",
                    String.valueOf(schema), null, 0, false, false, e);
        }
        try (connection) {
            return work.run(connection);
        } catch (SQLException e) {
            // Only close() gets here; the work translated its own failures.
            throw new MigrationException("Could not give back the connection of " + schema + ": "
                    + Failures.databaseMessage(e), String.valueOf(schema), null, 0, false, false, e);
        }
    }
}
