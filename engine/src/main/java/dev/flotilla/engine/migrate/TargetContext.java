package dev.flotilla.engine.migrate;

import dev.flotilla.engine.dialect.Dialect;

import java.sql.Connection;
import java.time.Clock;

/**
 * Everything one operation on one target works with: the connection positioned on it, its dialect and
 * tables, and who to tell what happened. Lives as long as the operation.
 *
 * @param name how messages name the target
 */
record TargetContext(Connection connection, Dialect dialect, String schema, String name, VersionTable versions,
                     HistoryTable history, MigrationListener listener, Clock clock, String runId,
                     String appliedBy, Failures failures) {
}
