package dev.flotilla.registry;

import dev.flotilla.registry.template.ConnectionTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks a registry's tenants against its servers, collecting every problem, and fills in the schema or
 * database that comes from the id. Used once per load; not thread-safe.
 */
final class Validation {

    private record Server(ServerSpec spec, ConnectionTemplate template, boolean idIsName) {
    }

    private final Map<String, Server> servers = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    Validation(Iterable<ServerSpec> specs) {
        for (ServerSpec spec : specs) {
            if (servers.put(spec.name(), new Server(spec, spec.template(), spec.template().uses("tenant.id"))) != null) {
                throw new RegistryException("server " + Names.quote(spec.name()) + " is given twice");
            }
        }
    }

    /** The entries with defaults filled in, in the same order. */
    List<TenantEntry> validate(String source, List<TenantEntry> entries) {
        Map<String, TenantEntry> byId = new HashMap<>(entries.size() * 2);
        Map<Location, TenantEntry> byLocation = new HashMap<>(entries.size() * 2);
        List<TenantEntry> valid = new ArrayList<>(entries.size());
        for (TenantEntry entry : entries) {
            TenantEntry first = byId.putIfAbsent(entry.tenant().id().toLowerCase(Locale.ROOT), entry);
            if (first != null) {
                problem(entry, "duplicate id" + (first.tenant().id().equals(entry.tenant().id()) ? "" : " (ids differ only in case)")
                        + ": first at " + first.origin() + " as " + Names.quote(first.tenant().id()) + ", again at " + entry.origin());
                continue;
            }
            Checked checked = check(entry);
            if (checked != null) {
                TenantEntry sharing = byLocation.putIfAbsent(checked.location(), checked.entry());
                if (sharing != null) {
                    problem(entry, "lives where tenant " + Names.quote(sharing.tenant().id()) + " (" + sharing.origin()
                            + ") lives: " + location(checked.entry().tenant()));
                }
                valid.add(checked.entry());
            }
        }
        if (!problems.isEmpty()) {
            throw new RegistryValidationException(source, problems);
        }
        return valid;
    }

    /** A valid entry and what two tenants must never share (see {@link #key}). */
    private record Checked(TenantEntry entry, Location location) {
    }

    /** Where a tenant lives: a server and its database and schema, or a server and a file (its URL). */
    private record Location(String server, String database, String schema, String file) {
    }

    private Checked check(TenantEntry entry) {
        Tenant tenant = entry.tenant();
        Server server = servers.get(tenant.server());
        if (server == null) {
            problem(entry, "unknown server " + Names.quote(tenant.server()) + "; known servers: "
                    + String.join(", ", new TreeSet<>(servers.keySet())) + Names.didYouMean(tenant.server(), servers.keySet()));
            return null;
        }
        Tenant located = locate(entry, server);
        if (located == null) {
            return null;
        }
        boolean namesFit = fits(entry, server, "schema", located.schema()) & fits(entry, server, "database", located.database());
        String missing = server.template().check(located, server.spec());
        if (missing != null) {
            problem(entry, missing);
            return null;
        }
        String url;
        try {
            url = server.template().render(located, server.spec()).value();
        } catch (RegistryException e) {
            problems.add(new Problem(entry.origin(), null, e.getMessage()));
            return null;
        }
        if (!namesFit) {
            return null;
        }
        TenantEntry valid = located == tenant ? entry : new TenantEntry(located, entry.origin());
        return new Checked(valid, key(located, url));
    }

    /** The tenant with its schema or database from the id where the layout needs one and the template uses the id. */
    private Tenant locate(TenantEntry entry, Server server) {
        Tenant tenant = entry.tenant();
        ServerSpec spec = server.spec();
        boolean idIsName = server.idIsName();
        switch (spec.layout()) {
            case SCHEMA_PER_TENANT -> {
                if (tenant.schema() == null && !idIsName) {
                    return missing(entry, spec, "schema");
                }
                return tenant.schema() == null ? tenant.withLocation(tenant.database(), tenant.id()) : tenant;
            }
            case DATABASE_PER_TENANT -> {
                if (tenant.database() == null && !idIsName) {
                    return missing(entry, spec, "database");
                }
                if (tenant.schema() != null && server.template().kind() == ServerKind.MYSQL) {
                    problem(entry, "has schema " + Names.quote(tenant.schema()) + ", but on MySQL/MariaDB server "
                            + Names.quote(spec.name()) + " a schema is a database: give only database");
                    return null;
                }
                return tenant.database() == null ? tenant.withLocation(tenant.id(), tenant.schema()) : tenant;
            }
            default -> {
                if (tenant.schema() != null || tenant.database() != null) {
                    problem(entry, "names a schema or database, but server " + Names.quote(spec.name())
                            + " keeps one SQLite file per tenant, named by its URL template " + server.template().masked());
                    return null;
                }
                return tenant;
            }
        }
    }

    private Tenant missing(TenantEntry entry, ServerSpec spec, String field) {
        problem(entry, "names no " + field + ", but server " + Names.quote(spec.name()) + " keeps one " + field
                + " per tenant; add " + field + ", or use ${tenant.id} in the server's URL template to make the id the " + field);
        return null;
    }

    private boolean fits(TenantEntry entry, Server server, String field, String name) {
        // the template's kind, parsed once: ServerSpec.kind() reads the URL again on every call
        String refusal = name == null ? null : server.template().kind().refusal(name);
        if (refusal != null) {
            problem(entry, field + " " + Names.quote(name) + " " + refusal);
        }
        return refusal == null;
    }

    /** What two tenants must never share: the server and the database and schema, or the file (its URL). */
    private Location key(Tenant tenant, String url) {
        Server server = servers.get(tenant.server());
        if (server.spec().layout() == Layout.FILE_PER_TENANT) {
            return new Location(tenant.server(), null, null, url);
        }
        return new Location(tenant.server(), tenant.database(), tenant.schema(), null);
    }

    /** Where the tenant lives, as a sentence. */
    private String location(Tenant tenant) {
        Server server = servers.get(tenant.server());
        StringBuilder where = new StringBuilder("server ").append(Names.quote(tenant.server()));
        if (server.spec().layout() == Layout.FILE_PER_TENANT) {
            return where.append(", file ").append(server.template().render(tenant, server.spec()).masked()).toString();
        }
        if (tenant.database() != null) {
            where.append(", database ").append(Names.quote(tenant.database()));
        }
        if (tenant.schema() != null) {
            where.append(", schema ").append(Names.quote(tenant.schema()));
        }
        return where.toString();
    }

    private void problem(TenantEntry entry, String message) {
        problems.add(new Problem(entry.origin(), entry.tenant().id(), message));
    }
}
