package dev.flotilla.registry.sql;

import dev.flotilla.registry.Layout;
import dev.flotilla.registry.Names;
import dev.flotilla.registry.Origin;
import dev.flotilla.registry.Problem;
import dev.flotilla.registry.RegistryException;
import dev.flotilla.registry.RegistrySource;
import dev.flotilla.registry.RegistryValidationException;
import dev.flotilla.registry.ServerKind;
import dev.flotilla.registry.ServerSpec;
import dev.flotilla.registry.Tenant;
import dev.flotilla.registry.TenantEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Tenants found on a server: every schema (PostgreSQL, schema per tenant), database (PostgreSQL or
 * MySQL/MariaDB, database per tenant) whose name matches a SQL LIKE pattern such as {@code tenant_%}.
 * Immutable, thread-safe; each {@link #load()} opens one connection and closes it.
 *
 * <p>The id is the name without what the pattern's literal ends matched: the characters before the
 * first {@code %} and after the last one ({@code _} counts as the one character it matches, {@code \_} as
 * a literal underscore). {@code tenant_%} turns schema {@code tenant_acme} into tenant {@code acme}. A
 * name whose remainder is not a valid id is a problem naming the schema or database. LIKE is
 * case-sensitive on PostgreSQL and, with the default collations, case-insensitive on MySQL/MariaDB.
 * The discovered tenants are active, on this server, without tags or attributes.
 */
public final class DiscoveryRegistry implements RegistrySource {

    private final ServerSpec server;
    private final String pattern;
    private final ConnectionSource connections;
    private final int prefix;
    private final int suffix;

    public DiscoveryRegistry(ServerSpec server, String pattern, ConnectionSource connections) {
        this.server = Objects.requireNonNull(server, "server");
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        this.connections = Objects.requireNonNull(connections, "connections");
        if (server.layout() == Layout.FILE_PER_TENANT) {
            throw new RegistryException("server " + Names.quote(server.name())
                    + " keeps one SQLite file per tenant; discovery finds schemas and databases, so list its tenants in a file");
        }
        int firstPercent = pattern.indexOf('%');
        if (firstPercent < 0) {
            throw new RegistryException("discovery pattern " + Names.quote(pattern)
                    + " has no '%'; it must match many names, e.g. tenant_%");
        }
        this.prefix = literalLength(pattern.substring(0, firstPercent));
        this.suffix = literalLength(pattern.substring(pattern.lastIndexOf('%') + 1));
    }

    @Override
    public String description() {
        return "discovery on server " + server.name() + " (" + pattern + ")";
    }

    @Override
    public List<TenantEntry> load() {
        List<TenantEntry> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (Connection connection = connections.open();
             PreparedStatement statement = connection.prepareStatement(query())) {
            statement.setString(1, pattern);
            try (ResultSet names = statement.executeQuery()) {
                int row = 0;
                while (names.next()) {
                    row++;
                    String name = names.getString(1);
                    entry(name, new Origin(description(), row), entries, problems);
                }
            }
        } catch (SQLException e) {
            throw SqlFailure.of("discovery on server " + Names.quote(server.name()), e);
        }
        if (!problems.isEmpty()) {
            throw new RegistryValidationException(description(), problems);
        }
        return entries;
    }

    private void entry(String name, Origin origin, List<TenantEntry> entries, List<Problem> problems) {
        int length = name.codePointCount(0, name.length());
        String what = server.layout() == Layout.SCHEMA_PER_TENANT ? "schema" : "database";
        if (length <= prefix + suffix) {
            problems.add(new Problem(origin, null, what + " " + Names.quote(name) + " leaves no tenant id once the pattern's "
                    + Names.quote(pattern) + " literal parts are removed"));
            return;
        }
        String id = name.substring(name.offsetByCodePoints(0, prefix), name.offsetByCodePoints(0, length - suffix));
        try {
            Tenant tenant = server.layout() == Layout.SCHEMA_PER_TENANT
                    ? Tenant.of(id, server.name(), null, name)
                    : Tenant.of(id, server.name(), name, null);
            entries.add(new TenantEntry(tenant, origin));
        } catch (RegistryException e) {
            problems.add(new Problem(origin, null, what + " " + Names.quote(name) + " gives an invalid " + e.getMessage()));
        }
    }

    private String query() {
        boolean postgres = server.kind() == ServerKind.POSTGRESQL;
        if (server.layout() == Layout.SCHEMA_PER_TENANT) {
            return "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname LIKE ? ORDER BY nspname";
        }
        return postgres
                ? "SELECT datname FROM pg_catalog.pg_database WHERE datname LIKE ? AND NOT datistemplate AND datallowconn ORDER BY datname"
                : "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE ? ORDER BY schema_name";
    }

    /** The number of characters a LIKE fragment without {@code %} matches. */
    private static int literalLength(String fragment) {
        int count = 0;
        for (int i = 0; i < fragment.length(); i = fragment.offsetByCodePoints(i, 1)) {
            if (fragment.charAt(i) == '\\' && i + 1 < fragment.length()) {
                i++;
            }
            count++;
        }
        return count;
    }
}
