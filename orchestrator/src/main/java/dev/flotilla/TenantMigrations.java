package dev.flotilla;

import dev.flotilla.config.ServerConfig;
import dev.flotilla.connect.ConnectFailures;
import dev.flotilla.connect.Servers;
import dev.flotilla.connect.TenantConnections;
import dev.flotilla.connect.TenantPlaces;
import dev.flotilla.engine.EngineException;
import dev.flotilla.engine.migrate.HistoryEntry;
import dev.flotilla.engine.dialect.Dialect;
import dev.flotilla.engine.dialect.Dialects;
import dev.flotilla.engine.migrate.MigrationException;
import dev.flotilla.engine.migrate.MigrationListener;
import dev.flotilla.engine.migrate.RepairAction;
import dev.flotilla.engine.migrate.OfflineScript;
import dev.flotilla.engine.migrate.RunResult;
import dev.flotilla.engine.migrate.TargetStatus;
import dev.flotilla.registry.Layout;
import dev.flotilla.registry.Tenant;
import dev.flotilla.registry.TenantState;
import dev.flotilla.registry.template.JdbcUrl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One tenant's migrations: upgrade, downgrade, stamp, status and provisioning, each on a connection
 * borrowed from the tenant's pool and returned before the call ends. The engine's runner positions the
 * connection on the tenant's schema or database and restores it. Failures are the engine's exceptions
 * ({@link EngineException} and its subclasses), naming the tenant; no message holds a password.
 */
public final class TenantMigrations {

    /** PostgreSQL's SQLSTATE for a schema that does not exist. */
    private static final String INVALID_SCHEMA_NAME = "3F000";

    /**
     * Hears when a call borrows its connection and gives it back, so that a fleet run can cancel the
     * statements of tenants in flight. Called on the calling thread; must be thread-safe when shared.
     */
    public interface ConnectionWatch {

        ConnectionWatch NONE = new ConnectionWatch() {
        };

        default void borrowed(Connection connection) {
        }

        default void returned(Connection connection) {
        }
    }

    private final Flotilla flotilla;
    private final Tenant tenant;
    private final ConnectionWatch watch;
    private final String runId;

    TenantMigrations(Flotilla flotilla, Tenant tenant) {
        this(flotilla, tenant, ConnectionWatch.NONE, null);
    }

    private TenantMigrations(Flotilla flotilla, Tenant tenant, ConnectionWatch watch, String runId) {
        this.flotilla = flotilla;
        this.tenant = tenant;
        this.watch = watch;
        this.runId = runId;
    }

    /** The same tenant, with {@code newWatch} told of every connection its calls borrow. */
    public TenantMigrations watched(ConnectionWatch newWatch) {
        return new TenantMigrations(flotilla, tenant, newWatch, runId);
    }

    /**
     * The same tenant, its history rows written with {@code newRunId} rather than a new id per call: a fleet
     * run's id, so that every row the run wrote on every tenant can be found by it.
     */
    public TenantMigrations inRun(String newRunId) {
        return new TenantMigrations(flotilla, tenant, watch, java.util.Objects.requireNonNull(newRunId, "runId"));
    }

    public Tenant tenant() {
        return tenant;
    }

    /** The tenant's URL, print it as it is (masked). */
    public JdbcUrl url() {
        return flotilla.registry().url(tenant);
    }

    public RunResult upgrade(String target) {
        return upgrade(target, MigrationListener.NONE);
    }

    public RunResult upgrade(String target, MigrationListener listener) {
        return with(true, connection -> migrator(listener).upgrade(connection, place(), target));
    }

    public RunResult downgrade(String target, MigrationListener listener) {
        return with(true, connection -> migrator(listener).downgrade(connection, place(), target));
    }

    /**
     * Downgrades to {@code target} only when the tenant's revisions, read under its lock, are {@code expected};
     * else nothing is done ({@link dev.flotilla.engine.migrate.VersionConflictException}).
     */
    public RunResult downgradeFrom(List<String> expected, String target, MigrationListener listener) {
        return with(true, connection -> migrator(listener).downgradeFrom(connection, place(), expected, target));
    }

    /** Clears the tenant's dirty state as {@code action} says ({@code repair --tenant}). */
    public RunResult repair(RepairAction action, MigrationListener listener) {
        return with(true, connection -> migrator(listener).repair(connection, place(), action));
    }

    public RunResult stamp(List<String> revisions, boolean purge, MigrationListener listener) {
        return with(true, connection -> migrator(listener).stamp(connection, place(), revisions, purge));
    }

    /**
     * The tenant's revisions. A tenant whose SQLite file, schema or database does not exist yet is
     * uninitialized, as the fleet's status reports it (a SQLite file is not created by looking).
     */
    public TargetStatus status() {
        TargetStatus uninitialized = new TargetStatus(false, List.of(), Optional.empty());
        return read(connection -> flotilla.migrator(MigrationListener.NONE).status(connection, place()), uninitialized);
    }

    /** The tenant's history table, oldest first; empty when it has none, or no SQLite file, schema or database yet. */
    public List<HistoryEntry> history() {
        return read(connection -> flotilla.migrator(MigrationListener.NONE).history(connection, place()), List.of());
    }

    /** What {@code work} reads on the tenant's connection, or {@code absent} when the tenant has no place yet. */
    private <T> T read(Function<Connection, T> work, T absent) {
        if (sqliteFile().filter(file -> !Files.exists(file)).isPresent()) {
            return absent;
        }
        try {
            return with(false, work);
        } catch (TenantUnreachableException e) {
            if (e.databaseMissing()) {
                return absent;
            }
            throw e;
        } catch (MigrationException e) {
            if (schemaMissing(e)) {
                return absent; // the search_path names a schema that does not exist
            }
            throw e;
        }
    }

    public RunResult provision() {
        return provision(MigrationListener.NONE);
    }

    /**
     * Creates the tenant's schema, database or folder when missing, then upgrades it to {@code heads}. A
     * tenant in state {@code provisioning} in a writable registry becomes {@code active} only after the
     * upgrade succeeded. Safe to run twice.
     */
    public RunResult provision(MigrationListener listener) {
        try {
            new TenantPlaces(flotilla.connections()).create(tenant, layout(), url());
        } catch (SQLException e) {
            throw failure("cannot create its " + placeKind(), e);
        }
        RunResult result = upgrade("heads", listener);
        if (tenant.state() == TenantState.PROVISIONING && flotilla.writableRegistry()) {
            flotilla.activate(tenant);
        }
        return result;
    }

    /**
     * The offline script writer ({@code --sql}) for this tenant: its server's dialect, positioned on its
     * schema or database. Connects to nothing.
     */
    public OfflineScript offlineScript(String runId) {
        Dialect dialect = Dialects.forUrl(TenantConnections.driverUrl(url().value()));
        return new OfflineScript(flotilla.migrations(), flotilla.options().migrator(), dialect, place(), runId);
    }

    private dev.flotilla.engine.migrate.Migrator migrator(MigrationListener listener) {
        return runId == null ? flotilla.migrator(listener) : flotilla.migrator(listener, () -> runId);
    }

    /** {@code tenant 'acme'}, for messages. */
    public String describe() {
        return "tenant '" + tenant.id() + "'";
    }

    private <T> T with(boolean changes, Function<Connection, T> work) {
        if (changes) {
            createSqliteFolder();
        }
        Connection connection;
        try {
            connection = flotilla.connections().connect(tenant, url());
        } catch (SQLException e) {
            boolean missing = ConnectFailures.databaseMissing(e);
            String hint = missing ? provisionHint() : "";
            throw new TenantUnreachableException(failure("cannot connect to " + url().masked(), e).getMessage() + hint,
                    tenant.id(), tenant.server(), sqlState(e), missing);
        }
        watch.borrowed(connection);
        try (connection) {
            return work.apply(connection);
        } catch (MigrationException e) {
            if (changes && schemaMissing(e)) {
                // On the message's first line, which summaries show alone.
                String message = e.getMessage();
                int end = message.indexOf('\n') < 0 ? message.length() : message.indexOf('\n');
                throw new MigrationException(message.substring(0, end) + provisionHint()
                        + message.substring(end), e.target(), e.revision(), e.statement(), e.isTransient(),
                        e.leftDirty(), e.getCause());
            }
            throw e;
        } catch (SQLException e) {
            throw failure("cannot return its connection", e); // only close() throws SQLException here
        } finally {
            watch.returned(connection);
        }
    }

    /** What the runner positions on: the schema (schema-per-tenant), the database (MySQL), else null. */
    private String place() {
        return switch (layout()) {
            case SCHEMA_PER_TENANT -> tenant.schema();
            case DATABASE_PER_TENANT -> server().kind().name().equals("MYSQL") ? tenant.database() : null;
            case FILE_PER_TENANT -> null;
        };
    }

    private String placeKind() {
        return switch (layout()) {
            case SCHEMA_PER_TENANT -> "schema";
            case DATABASE_PER_TENANT -> "database";
            case FILE_PER_TENANT -> "folder";
        };
    }

    private Layout layout() {
        return Servers.spec(server()).layout();
    }

    private ServerConfig server() {
        return flotilla.config().server(tenant.server()).orElseThrow();
    }

    private Optional<Path> sqliteFile() {
        return TenantConnections.sqliteFile(url());
    }

    private void createSqliteFolder() {
        Optional<Path> folder = sqliteFile().map(file -> file.toAbsolutePath().getParent());
        if (folder.isPresent() && !Files.isDirectory(folder.get())) {
            try {
                Files.createDirectories(folder.get());
            } catch (IOException e) {
                throw new EngineException(describe() + ": cannot create the folder " + folder.get() + ": "
                        + e.getMessage(), 1, e);
            }
        }
    }

    /** The SQLSTATE behind a pool's failure: the driver's (HikariCP's timeout wraps it), else the pool's own. */
    private static String sqlState(SQLException e) {
        return e.getCause() instanceof SQLException cause && cause.getSQLState() != null ? cause.getSQLState()
                : e.getSQLState();
    }

    /** Whether {@code e} says that the tenant's schema (schema-per-tenant) does not exist. */
    private boolean schemaMissing(MigrationException e) {
        return layout() == Layout.SCHEMA_PER_TENANT && INVALID_SCHEMA_NAME.equals(e.sqlState());
    }

    /** What to do about a tenant whose schema or database is not there yet. */
    private String provisionHint() {
        return "; 'flotilla provision " + tenant.id() + "' creates it and upgrades it to heads";
    }

    private EngineException failure(String what, SQLException e) {
        String raw = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        // HikariCP's timeout message hides why connecting failed; the driver's exception is its cause.
        if (e.getCause() != null && e.getCause().getMessage() != null) {
            raw += ": " + e.getCause().getMessage().strip();
        }
        String text = raw;
        String message = server().credentials().password().map(secret -> secret.scrub(text)).orElse(text);
        SQLException root = e.getCause() instanceof SQLException cause && cause.getSQLState() != null ? cause : e;
        String state = root.getSQLState() == null ? "" : " [SQLSTATE " + root.getSQLState() + "]";
        return new EngineException(describe() + ": " + what + ": " + message + state, 1, null);
    }
}
