package dev.flotilla.survey;

import dev.flotilla.Flotilla;
import dev.flotilla.config.DatabaseKind;
import dev.flotilla.config.Layout;
import dev.flotilla.config.ServerConfig;
import dev.flotilla.connect.AdminUrls;
import dev.flotilla.connect.TenantConnections;
import dev.flotilla.registry.Tenant;
import dev.flotilla.registry.template.JdbcUrl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits tenants into {@link ReadUnit}s, per server: tenants that share a server connection (schemas of
 * one database, MySQL databases of one server) into at most {@code limit} units of about equal size,
 * none of more than {@code tenantsPerConnection} unless the limit forces it; a PostgreSQL
 * database-per-tenant tenant or a SQLite file into a unit of its own. Stateless.
 */
final class SurveyPlan {

    private SurveyPlan() {
    }

    /** The units per server name, servers and tenants in the order first met. */
    static Map<String, List<ReadUnit>> units(Flotilla flotilla, List<Tenant> tenants, int tenantsPerConnection,
                                             int perServer) {
        Map<String, Map<String, List<Tenant>>> shared = new LinkedHashMap<>();
        Map<String, List<ReadUnit>> units = new LinkedHashMap<>();
        for (Tenant tenant : tenants) {
            ServerConfig server = flotilla.config().server(tenant.server()).orElseThrow();
            JdbcUrl url = flotilla.registry().url(tenant);
            List<ReadUnit> serverUnits = units.computeIfAbsent(server.name(), name -> new ArrayList<>());
            String connectTo = sharedUrl(server, url.value());
            if (connectTo != null) {
                shared.computeIfAbsent(server.name(), name -> new LinkedHashMap<>())
                        .computeIfAbsent(connectTo, key -> new ArrayList<>()).add(tenant);
            } else if (server.layout() == Layout.FILE_PER_TENANT) {
                serverUnits.add(new ReadUnit(server, url.value(), url.masked(), ReadUnit.How.SQLITE_FILE,
                        List.of(tenant), List.of("main"), TenantConnections.sqliteFile(url).orElseThrow(() ->
                                new IllegalArgumentException("tenant '" + tenant.id() + "': expected a SQLite URL"
                                        + " naming a file, found " + url.masked()))));
            } else {
                String driverUrl = TenantConnections.driverUrl(url.value());
                serverUnits.add(new ReadUnit(server, driverUrl, url.masked(), ReadUnit.How.CURRENT_SCHEMA,
                        List.of(tenant), List.of(), null));
            }
        }
        shared.forEach((server, byUrl) -> byUrl.forEach((connectTo, group) ->
                units.get(server).addAll(split(flotilla, connectTo, group, tenantsPerConnection, perServer))));
        return units;
    }

    /**
     * The URL many tenants of {@code server} are read over, or null when each tenant needs its own
     * connection. Schema-per-tenant: the tenant's URL without its query (which may name the schema);
     * MySQL database-per-tenant: the server without a database.
     */
    private static String sharedUrl(ServerConfig server, String url) {
        if (server.layout() == Layout.SCHEMA_PER_TENANT) {
            int query = url.indexOf('?');
            return TenantConnections.driverUrl(query < 0 ? url : url.substring(0, query));
        }
        if (server.layout() == Layout.DATABASE_PER_TENANT && server.kind() != DatabaseKind.POSTGRESQL) {
            return TenantConnections.driverUrl(AdminUrls.withoutDatabase(url));
        }
        return null;
    }

    private static List<ReadUnit> split(Flotilla flotilla, String connectTo, List<Tenant> group,
                                        int tenantsPerConnection, int perServer) {
        ServerConfig server = flotilla.config().server(group.get(0).server()).orElseThrow();
        int limit = limit(server, perServer);
        int count = Math.max(1, Math.min(limit, (group.size() + tenantsPerConnection - 1) / tenantsPerConnection));
        boolean schemas = server.layout() == Layout.SCHEMA_PER_TENANT;
        List<ReadUnit> units = new ArrayList<>();
        for (int part = 0; part < count; part++) {
            List<Tenant> tenants = group.subList(group.size() * part / count, group.size() * (part + 1) / count);
            List<String> places = tenants.stream().map(t -> schemas ? t.schema() : t.database()).toList();
            units.add(new ReadUnit(server, connectTo, JdbcUrl.mask(connectTo), ReadUnit.How.NAMED_PLACES, tenants,
                    places, null));
        }
        return units;
    }

    /** Connections a survey may hold on {@code server} at once: as many as a run's tenants in flight. */
    static int limit(ServerConfig server, int perServer) {
        return Math.min(server.maxConcurrency(), perServer);
    }
}
