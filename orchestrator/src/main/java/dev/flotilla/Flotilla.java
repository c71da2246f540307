package dev.flotilla;

import dev.flotilla.config.ConfigLoader;
import dev.flotilla.config.ProjectConfig;
import dev.flotilla.connect.RegistrySources;
import dev.flotilla.connect.Servers;
import dev.flotilla.connect.TenantConnections;
import dev.flotilla.engine.migrate.MigrationListener;
import dev.flotilla.engine.migrate.Migrator;
import dev.flotilla.engine.script.FormatOptions;
import dev.flotilla.engine.script.MigrationSet;
import dev.flotilla.engine.script.MigrationSets;
import dev.flotilla.registry.Origin;
import dev.flotilla.registry.Registry;
import dev.flotilla.registry.RegistryException;
import dev.flotilla.registry.RegistrySource;
import dev.flotilla.registry.Tenant;
import dev.flotilla.registry.TenantEntry;
import dev.flotilla.registry.TenantState;
import dev.flotilla.registry.WritableRegistry;
import dev.flotilla.registry.select.Selection;
import dev.flotilla.run.FleetRun;
import dev.flotilla.run.RunListener;
import dev.flotilla.run.RunSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Flotilla for an application: a project's config, its tenants and a pool per server, to migrate or
 * provision any tenant on demand.
 *
 * <pre>{@code
 * try (Flotilla flotilla = Flotilla.open(Path.of("flotilla.yaml"), System.getenv())) {
 *     flotilla.tenant("acme").upgrade("heads");
 * }
 * }</pre>
 *
 * Opening reads the config, the migrations and the registry (and validates them); it connects to no tenant.
 * Connections are pooled per server and database ({@link TenantConnections}) and closed by {@link #close()}.
 * {@link #tenant} and the pools may be used from many threads at once (a fleet run does);
 * {@link #register} is not thread-safe.
 */
public final class Flotilla implements AutoCloseable {

    private final ProjectConfig config;
    private final FlotillaOptions options;
    private final MigrationSet migrations;
    private final TenantConnections connections;
    private final RegistrySource source;
    private Registry registry;

    private Flotilla(ProjectConfig config, FlotillaOptions options) {
        this.config = config;
        this.options = options;
        this.migrations = MigrationSets.open(config.scripts(), FormatOptions.detect());
        this.connections = new TenantConnections(config, options.pools());
        this.source = RegistrySources.open(config, connections);
        try {
            this.registry = Registry.load(source, Servers.specs(config));
        } catch (RuntimeException e) {
            connections.close();
            throw e;
        }
    }

    /**
     * Reads {@code configFile} with {@code env} as its environment ({@code ${env:…}}, {@code FLOTILLA_*}).
     *
     * @throws dev.flotilla.config.ConfigException     for an invalid config
     * @throws dev.flotilla.registry.RegistryException for an invalid registry
     * @throws dev.flotilla.engine.EngineException     for invalid migration scripts
     */
    public static Flotilla open(Path configFile, Map<String, String> env) {
        ProjectConfig config = ConfigLoader.load(configFile, env);
        return open(config, FlotillaOptions.from(config, env.getOrDefault("USER", "flotilla")));
    }

    /** For a config already read, with options of the caller's choosing. */
    public static Flotilla open(ProjectConfig config, FlotillaOptions options) {
        return new Flotilla(Objects.requireNonNull(config, "config"), Objects.requireNonNull(options, "options"));
    }

    public ProjectConfig config() {
        return config;
    }

    /** The tenants as last read (at open, or after {@link #register}). */
    public Registry registry() {
        return registry;
    }

    public MigrationSet migrations() {
        return migrations;
    }

    /** The pools, for inspection (open pools, borrowed connections). */
    public TenantConnections connections() {
        return connections;
    }

    /** The tenants {@code selection} picks, in registry order. */
    public List<Tenant> select(Selection selection) {
        return registry.select(selection);
    }

    /** The registered tenant {@code id}, in any state; an unknown id is a {@link RegistryException}. */
    public TenantMigrations tenant(String id) {
        return tenant(registry.tenant(id));
    }

    public TenantMigrations tenant(Tenant tenant) {
        return new TenantMigrations(this, tenant);
    }

    /**
     * Adds {@code tenant} to the registry in state {@code provisioning} (its {@link TenantMigrations#provision()}
     * sets it {@code active} when the upgrade succeeded) and reads the registry again. An id already
     * registered is returned as it is, so that provisioning can be run again after a failure.
     *
     * @throws RegistryException when the registry cannot be written (discovery) or the tenant is invalid
     */
    public TenantMigrations register(Tenant tenant) {
        if (registry.find(tenant.id()).isPresent()) {
            return tenant(tenant.id());
        }
        Tenant provisioning = tenant.withState(TenantState.PROVISIONING);
        checkBeforeWriting(provisioning);
        writable().register(provisioning);
        reload();
        return tenant(tenant.id());
    }

    /** The runner and pool settings, clock and run ids this instance was opened with. */
    public FlotillaOptions options() {
        return options;
    }

    /**
     * A fleet run over this project's tenants ({@link FleetRun#run}): many tenants at once, within the
     * settings' limits, with retries, a circuit breaker per server and a failure budget. The run uses this
     * instance's pools; run one at a time per instance.
     */
    public FleetRun fleetRun(RunSettings settings, RunListener listener) {
        return new FleetRun(this, settings, listener);
    }

    /** A runner with this project's migrations and settings. */
    public Migrator migrator(MigrationListener listener) {
        return migrator(listener, options.runIds());
    }

    /** A runner whose runs take their ids from {@code runIds} (one id for a whole fleet run, say). */
    public Migrator migrator(MigrationListener listener, java.util.function.Supplier<String> runIds) {
        return new Migrator(migrations, options.migrator(), listener, options.clock(), runIds);
    }

    void activate(Tenant tenant) {
        writable().setState(tenant.id(), TenantState.ACTIVE);
        reload();
    }

    boolean writableRegistry() {
        return source instanceof WritableRegistry;
    }

    private WritableRegistry writable() {
        if (!(source instanceof WritableRegistry writable)) {
            throw new RegistryException("the registry " + source.description() + " cannot be written to;"
                    + " add the tenant to it yourself, then run provision without --register");
        }
        return writable;
    }

    /**
     * Validates the registry with the new tenant added, so that a tenant the registry would refuse (no
     * schema for a schema-per-tenant server, an unknown server) is refused before the file is written.
     */
    private void checkBeforeWriting(Tenant tenant) {
        List<TenantEntry> entries = new ArrayList<>();
        for (Tenant existing : registry.tenants()) {
            entries.add(new TenantEntry(existing, registry.origin(existing.id())));
        }
        entries.add(new TenantEntry(tenant, new Origin("new tenant", 0)));
        Registry.of(source.description(), entries, Servers.specs(config));
    }

    private void reload() {
        registry = Registry.load(source, Servers.specs(config));
    }

    /** Closes every pool. */
    @Override
    public void close() {
        connections.close();
    }
}
