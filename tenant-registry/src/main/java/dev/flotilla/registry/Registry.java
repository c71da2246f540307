package dev.flotilla.registry;

import dev.flotilla.registry.select.Selection;
import dev.flotilla.registry.select.Selector;
import dev.flotilla.registry.template.ConnectionTemplate;
import dev.flotilla.registry.template.JdbcUrl;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated registry: every tenant, on a known server, with its schema or database, and a URL that
 * renders. Built by {@link #load}, which reports every problem at once before anything connects.
 * Immutable and thread-safe; holds no connections. Load again to see changes in the source.
 */
public final class Registry {

    private final String source;
    private final List<Tenant> tenants;
    private final Map<String, TenantEntry> byId;
    private final Map<String, ServerSpec> servers;
    private final Map<String, ConnectionTemplate> templates;

    private Registry(String source, List<TenantEntry> entries, Collection<ServerSpec> servers) {
        this.source = source;
        Tenant[] all = new Tenant[entries.size()];
        this.byId = new HashMap<>(entries.size() * 2);
        for (int i = 0; i < all.length; i++) {
            TenantEntry entry = entries.get(i);
            all[i] = entry.tenant();
            byId.put(entry.tenant().id(), entry);
        }
        this.tenants = List.of(all);
        this.servers = new LinkedHashMap<>();
        this.templates = new HashMap<>();
        for (ServerSpec server : servers) {
            this.servers.put(server.name(), server);
            this.templates.put(server.name(), server.template());
        }
    }

    /**
     * Reads the source and validates it against the servers.
     *
     * @throws RegistryValidationException with every problem found, each naming its origin and tenant
     */
    public static Registry load(RegistrySource source, Collection<ServerSpec> servers) {
        return of(source.description(), source.load(), servers);
    }

    /** Validates tenants read elsewhere; {@code source} names them in messages. */
    public static Registry of(String source, List<TenantEntry> entries, Collection<ServerSpec> servers) {
        List<TenantEntry> valid = new Validation(servers).validate(source, entries);
        return new Registry(source, valid, servers);
    }

    /** What the tenants were read from. */
    public String source() {
        return source;
    }

    /** Every tenant in registry order, with the schema or database that comes from the id filled in. */
    public List<Tenant> tenants() {
        return tenants;
    }

    /** The tenant with this id, if any. */
    public Optional<Tenant> find(String id) {
        TenantEntry entry = byId.get(id);
        return entry == null ? Optional.empty() : Optional.of(entry.tenant());
    }

    /** The tenant with this id; an unknown id is an error with near matches. */
    public Tenant tenant(String id) {
        return entry(id).tenant();
    }

    /** Where the tenant was read from. */
    public Origin origin(String id) {
        return entry(id).origin();
    }

    private TenantEntry entry(String id) {
        TenantEntry entry = byId.get(id);
        if (entry == null) {
            throw new RegistryException("no tenant " + Names.quote(id) + " in " + source + Names.didYouMean(id, byId.keySet()));
        }
        return entry;
    }

    /** The servers, by name, in the order given. */
    public Map<String, ServerSpec> servers() {
        return Collections.unmodifiableMap(servers);
    }

    /** The tenant's JDBC URL on its server; print it only through {@link JdbcUrl#masked()} or {@code toString()}. */
    public JdbcUrl url(Tenant tenant) {
        ServerSpec server = servers.get(tenant.server());
        if (server == null) {
            throw new RegistryException("tenant " + Names.quote(tenant.id()) + ": unknown server " + Names.quote(tenant.server()));
        }
        return templates.get(server.name()).render(tenant, server);
    }

    /** The tenants a selection picks, in registry order (see {@link Selector}). */
    public List<Tenant> select(Selection selection) {
        return new Selector(selection).select(tenants);
    }
}
