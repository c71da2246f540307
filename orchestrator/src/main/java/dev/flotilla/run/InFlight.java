package dev.flotilla.run;

import dev.flotilla.TenantMigrations;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The connections of tenants in flight, so that a second interrupt (or the end of the grace period) can
 * cancel their statements: aborting a connection makes the server roll back its transaction and drop
 * its locks. Thread-safe.
 */
final class InFlight implements TenantMigrations.ConnectionWatch {

    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();

    @Override
    public void borrowed(Connection connection) {
        connections.add(connection);
    }

    @Override
    public void returned(Connection connection) {
        connections.remove(connection);
    }

    int count() {
        return connections.size();
    }

    /** Aborts every connection in use; the tenants' runs then fail with a lost connection. */
    void cancelAll() {
        Executor now = Runnable::run;
        for (Connection connection : List.copyOf(connections)) {
            try {
                connection.abort(now);
            } catch (Exception ignored) {
                // Already closed or broken: it holds nothing any more, which is what cancelling wants.
            }
        }
    }
}
