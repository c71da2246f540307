package dev.flotilla.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The databases one test class created, dropped together when the class is done (JUnit closes it
 * with the class's extension store). Thread-safe: tests of a class may run in parallel.
 */
final class ClassDatabases implements TestDatabases, AutoCloseable {

    private record Owned(ServerEndpoint server, String name) {
    }

    private final Function<DatabaseKind, ServerEndpoint> servers;
    private final DatabaseNames names;
    private final Map<DatabaseKind, TestDatabase> primaries = new EnumMap<>(DatabaseKind.class);
    private final Deque<Owned> created = new ArrayDeque<>();

    /** {@code servers} hands out the JVM's server of a kind, or aborts the test if there is none. */
    ClassDatabases(Function<DatabaseKind, ServerEndpoint> servers, DatabaseNames names) {
        this.servers = servers;
        this.names = names;
    }

    @Override
    public synchronized TestDatabase get(DatabaseKind kind) {
        TestDatabase database = primaries.get(kind);
        if (database == null) {
            database = createExtra(kind);
            primaries.put(kind, database);
        }
        return database;
    }

    @Override
    public synchronized TestDatabase createExtra(DatabaseKind kind) {
        ServerEndpoint server = servers.apply(kind);
        String name = names.next();
        try (Connection admin = server.connectAdmin()) {
            ServerDialect.of(kind).create(admin, name);
        } catch (SQLException e) {
            throw new TestDatabaseException("Could not create test database " + name + " on " + kind.displayName()
                    + " at " + server.describe() + ": " + Reasons.of(e), e);
        }
        created.push(new Owned(server, name));
        return server.testDatabase(name);
    }

    /** Drops every database, newest first; tries them all before reporting the first failure. */
    @Override
    public synchronized void close() {
        TestDatabaseException failure = null;
        while (!created.isEmpty()) {
            Owned owned = created.pop();
            try (Connection admin = owned.server().connectAdmin()) {
                ServerDialect.of(owned.server().kind()).drop(admin, owned.name());
            } catch (SQLException e) {
                TestDatabaseException dropFailure = new TestDatabaseException("Could not drop test database "
                        + owned.name() + " at " + owned.server().describe() + " (a later run sweeps it after "
                        + Sweeper.MAX_AGE.toHours() + " hours): " + Reasons.of(e), e);
                if (failure == null) {
                    failure = dropFailure;
                } else {
                    failure.addSuppressed(dropFailure);
                }
            }
        }
        primaries.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
