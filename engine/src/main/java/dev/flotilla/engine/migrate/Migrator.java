package dev.flotilla.engine.migrate;

import dev.flotilla.engine.dialect.Dialect;
import dev.flotilla.engine.dialect.Dialects;
import dev.flotilla.engine.dialect.Session;
import dev.flotilla.engine.dialect.TargetLock;
import dev.flotilla.engine.dialect.TargetLockedException;
import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.revision.RevisionGraph;
import dev.flotilla.engine.script.MigrationSet;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Migrates one database (a target: a PostgreSQL schema, a MySQL database or a SQLite file) with a set of
 * migrations: upgrade, downgrade, stamp, repair, and reads of where it stands. The connection is the
 * caller's: it is positioned on {@code schema} for the call and put back as it was afterwards, and never
 * closed. It must not be used by another thread during a call.
 *
 * <p>Every changing call takes the target's lock (waiting at most {@link MigratorSettings#lockWait()}),
 * creates the version and history tables if they are missing, refuses a dirty target, and records every
 * step in the history table. Immutable and thread-safe: one Migrator may serve many connections at once.
 */
public final class Migrator {

    private final MigrationSet scripts;
    private final MigratorSettings settings;
    private final MigrationListener listener;
    private final Clock clock;
    private final Supplier<String> runIds;

    public Migrator(MigrationSet scripts, MigratorSettings settings, MigrationListener listener) {
        this(scripts, settings, listener, Clock.systemUTC(), () -> UUID.randomUUID().toString());
    }

    /** With the clock and run-id source given, for tests and for runs that span many targets. */
    public Migrator(MigrationSet scripts, MigratorSettings settings, MigrationListener listener, Clock clock,
                    Supplier<String> runIds) {
        this.scripts = Objects.requireNonNull(scripts, "scripts");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.runIds = Objects.requireNonNull(runIds, "runIds");
    }

    public MigrationSet scripts() {
        return scripts;
    }

    public MigratorSettings settings() {
        return settings;
    }

    /** Upgrades the target to {@code destination} (Alembic's syntax: {@code heads}, {@code ae1+2}, …). */
    public RunResult upgrade(Connection connection, String schema, String destination) {
        return locked(connection, schema, run -> run.upgrade(destination));
    }

    /** Downgrades the target to {@code destination} ({@code base}, {@code -1}, a revision, …). */
    public RunResult downgrade(Connection connection, String schema, String destination) {
        return locked(connection, schema, run -> run.downgrade(destination));
    }

    /**
     * Downgrades the target to {@code destination} only when its revisions, read under its lock, are
     * {@code expected} (in any order); else nothing is done and a {@link VersionConflictException} names both.
     * Taking back what one run applied must not take back what another run did since.
     */
    public RunResult downgradeFrom(Connection connection, String schema, List<String> expected, String destination) {
        List<String> from = List.copyOf(expected);
        return locked(connection, schema, run -> run.downgradeFrom(from, destination));
    }

    /**
     * Sets the version rows to {@code destinations} without running any step, as Alembic's {@code stamp};
     * with {@code purge}, every row is deleted first.
     */
    public RunResult stamp(Connection connection, String schema, List<String> destinations, boolean purge) {
        return locked(connection, schema, run -> run.stamp(destinations, purge));
    }

    /** Clears a dirty target as {@code action} says; refused when the target is not dirty. */
    public RunResult repair(Connection connection, String schema, RepairAction action) {
        return locked(connection, schema, false, run -> run.repair(action)); // a target without tables is not dirty
    }

    /**
     * Where the target stands, without taking its lock or creating anything. A step recorded as running
     * counts as dirty only when no run holds the lock (its process died); otherwise it is in progress.
     */
    public TargetStatus status(Connection connection, String schema) {
        return positioned(connection, schema, (context, session) -> {
            if (!context.versions().exists(connection)) {
                return new TargetStatus(false, List.of(), Optional.empty());
            }
            List<String> rows = inGraphOrder(scripts.graph(), context.versions().read(connection));
            Optional<HistoryEntry> unfinished = context.history().exists(connection)
                    ? context.history().unfinished(connection) : Optional.empty();
            if (unfinished.isPresent() && unfinished.get().outcome() == HistoryEntry.Outcome.RUNNING
                    && heldByAnotherRun(context)) {
                unfinished = Optional.empty();
            }
            return new TargetStatus(true, rows, unfinished);
        });
    }

    /**
     * The revisions applied on the target whose files have changed since they ran, without taking the lock;
     * empty when none has, or the target has no history.
     */
    public List<ChecksumChange> checksumChanges(Connection connection, String schema) {
        return positioned(connection, schema, (context, session) -> {
            if (!context.versions().exists(connection) || !context.history().exists(connection)) {
                return List.of();
            }
            return TargetRun.checksumChanges(context, scripts, context.versions().read(connection));
        });
    }

    /** Every history row of the target, oldest first; empty when it has no history table. */
    public List<HistoryEntry> history(Connection connection, String schema) {
        return positioned(connection, schema, (context, session) -> context.history().exists(connection)
                ? context.history().all(connection) : List.of());
    }

    /** Orders version rows as the graph orders revisions; rows the graph lacks go last, as read. */
    static List<String> inGraphOrder(RevisionGraph graph, List<String> rows) {
        List<String> ordered = new ArrayList<>();
        for (Revision revision : graph.revisions()) {
            if (rows.contains(revision.id())) {
                ordered.add(revision.id());
            }
        }
        rows.stream().filter(row -> !ordered.contains(row)).forEach(ordered::add);
        return ordered;
    }

    /** Work done on a positioned target. */
    private interface TargetWork<T> {
        T run(TargetContext context, Session session) throws SQLException;
    }

    /** Work done on a positioned, locked target with its tables. */
    private interface LockedWork<T> {
        T run(TargetRun run) throws SQLException;
    }

    private <T> T locked(Connection connection, String schema, LockedWork<T> work) {
        return locked(connection, schema, true, work);
    }

    /** {@code work} under the target's lock; with {@code tables}, the version and history tables made first. */
    private <T> T locked(Connection connection, String schema, boolean tables, LockedWork<T> work) {
        return positioned(connection, schema, (context, session) -> {
            TargetLock lock;
            try {
                lock = context.dialect().locks().acquire(connection, schema, settings.versionTable(),
                        settings.lockWait());
            } catch (SQLException e) {
                throw context.failures().beforeSteps("taking the target's lock", e);
            }
            try (lock) {
                if (tables) {
                    createTables(context, session, lock);
                }
                return work.run(new TargetRun(context, scripts, settings, lock, session));
            }
        });
    }

    private <T> T positioned(Connection connection, String schema, TargetWork<T> work) {
        Dialect dialect;
        String name;
        try {
            dialect = Dialects.of(connection);
            name = TargetNames.describe(connection, schema);
        } catch (SQLException e) {
            throw new MigrationException("Cannot read the connection's database product: "
                    + Failures.databaseMessage(e), String.valueOf(schema), null, 0, false, false, e);
        }
        TargetContext context = new TargetContext(connection, dialect, schema, name,
                new VersionTable(dialect, schema, settings.versionTable()),
                new HistoryTable(dialect, schema, settings.historyTable()), listener, clock, runIds.get(),
                settings.appliedBy(), new Failures(dialect, name));
        boolean autoCommit;
        Session session;
        try {
            autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            session = dialect.sessions().enter(connection, schema, settings.timeouts());
        } catch (SQLException e) {
            throw context.failures().beforeSteps("positioning the connection on the target", e);
        }
        try (session) {
            return work.run(context, session);
        } catch (SQLException e) {
            throw context.failures().beforeSteps("reading or preparing the target", e);
        } finally {
            StepExecution.quietly(() -> connection.setAutoCommit(autoCommit), null);
        }
    }

    /**
     * Creates the version and history tables where they are missing. Where DDL is transactional and the
     * lock is not a transaction itself, all of it goes in one unflushed transaction and one batch: a server
     * crash can only lose tables that nothing has used yet, and the next run creates them again.
     */
    private void createTables(TargetContext context, Session session, TargetLock lock) throws SQLException {
        Connection connection = context.connection();
        List<String> statements = new ArrayList<>(context.versions().createStatements());
        statements.addAll(context.history().createStatements());
        boolean oneTransaction = context.dialect().transactionalDdl() && !lock.isTransaction();
        if (oneTransaction) {
            connection.setAutoCommit(false);
        }
        try (var statement = connection.createStatement()) {
            if (oneTransaction) {
                session.unflushed();
                for (String sql : statements) {
                    statement.addBatch(sql);
                }
                statement.executeBatch();
                connection.commit();
            } else {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
        } catch (SQLException | RuntimeException e) {
            if (oneTransaction) {
                StepExecution.quietly(connection::rollback, e);
            }
            throw e;
        } finally {
            if (oneTransaction) {
                connection.setAutoCommit(true);
            }
        }
    }

    private boolean heldByAnotherRun(TargetContext context) throws SQLException {
        try (TargetLock probe = context.dialect().locks().acquire(context.connection(), context.schema(),
                settings.versionTable(), Duration.ZERO)) {
            return false;
        } catch (TargetLockedException held) {
            return true;
        }
    }
}
