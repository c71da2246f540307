package dev.flotilla.connect;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.flotilla.config.ProjectConfig;
import dev.flotilla.config.ServerConfig;
import dev.flotilla.registry.Layout;
import dev.flotilla.registry.RegistryException;
import dev.flotilla.registry.Tenant;
import dev.flotilla.registry.template.JdbcUrl;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HikariCP pools for a fleet: one per server and database, never one per tenant.
 *
 * <ul>
 *   <li>Schema-per-tenant: every tenant of a server shares the server's URL, so the server has one pool;
 *       the engine's {@code Migrator} positions a borrowed connection on the tenant's schema and puts it
 *       back as it was. These pools stay open until {@link #close()}.</li>
 *   <li>Database-per-tenant and SQLite file-per-tenant: each tenant has its own URL and so its own pool,
 *       kept in a cache of at most {@link PoolSettings#maxCachedPools()} pools; taking a connection for
 *       another URL when the cache is full closes the least recently used pool. Pools keep no idle
 *       connections ({@code minimumIdle = 0}), so an unused one holds nothing open.</li>
 * </ul>
 *
 * A pool is closed only when it is the least recently used, so as long as fewer tenants than the bound
 * are in flight at once no pool is closed under a borrowed connection. Passwords are revealed only to
 * HikariCP. Not thread-safe: used by one thread (the sequential tenant loop); close it with
 * try-with-resources.
 */
public final class TenantConnections implements AutoCloseable {

    private final ProjectConfig config;
    private final PoolSettings settings;
    private final Map<String, HikariDataSource> pinned = new LinkedHashMap<>();
    private final LinkedHashMap<String, HikariDataSource> cached = new LinkedHashMap<>(16, 0.75f, true);
    private int created;
    private boolean closed;

    public TenantConnections(ProjectConfig config, PoolSettings settings) {
        this.config = config;
        this.settings = settings;
    }

    /**
     * A connection for {@code tenant} at {@code url} (its rendered URL); the caller closes it, which
     * returns it to the pool.
     *
     * @throws SQLException when no connection could be made within the connection timeout; its message
     *                      holds no password
     */
    public Connection connect(Tenant tenant, JdbcUrl url) throws SQLException {
        ServerConfig server = server(tenant.server());
        boolean perServer = Servers.layout(server.layout()) == Layout.SCHEMA_PER_TENANT;
        return pool(server, driverUrl(url.value()), perServer).getConnection();
    }

    /**
     * A connection to a server itself, at its URL as configured, for a control database (a SQL
     * registry) or discovery. The URL must not depend on a tenant.
     */
    public Connection connectServer(String serverName) throws SQLException {
        ServerConfig server = server(serverName);
        if (server.url().contains("${")) {
            throw new RegistryException("server '" + serverName + "' has a URL template with variables ("
                    + JdbcUrl.mask(server.url()) + "); a control database or discovery server needs a plain URL");
        }
        return pool(server, driverUrl(server.url()), true).getConnection();
    }

    /**
     * A connection to a server at {@code url}, a URL that is not a tenant's own (e.g. the server without a
     * database, to create one); the pool is cached like a database-per-tenant one.
     */
    public Connection connectAdmin(String serverName, String url) throws SQLException {
        return pool(server(serverName), driverUrl(url), false).getConnection();
    }

    /** Pools open now. */
    public int openPools() {
        return pinned.size() + cached.size();
    }

    /** Pools opened since this object was made, closed ones included. */
    public int poolsCreated() {
        return created;
    }

    /** Connections borrowed and not yet returned, over every open pool (0 when nothing leaks). */
    public int activeConnections() {
        int active = 0;
        for (HikariDataSource pool : allPools()) {
            active += pool.getHikariPoolMXBean() == null ? 0 : pool.getHikariPoolMXBean().getActiveConnections();
        }
        return active;
    }

    /** Closes every pool. */
    @Override
    public void close() {
        closed = true;
        allPools().forEach(HikariDataSource::close);
        pinned.clear();
        cached.clear();
    }

    private Iterable<HikariDataSource> allPools() {
        java.util.List<HikariDataSource> all = new java.util.ArrayList<>(pinned.values());
        all.addAll(cached.values());
        return all;
    }

    private ServerConfig server(String name) {
        return config.server(name).orElseThrow(() -> new RegistryException("unknown server '" + name + "'"));
    }

    private HikariDataSource pool(ServerConfig server, String url, boolean perServer) {
        if (closed) {
            throw new IllegalStateException("the connections are closed");
        }
        String key = server.name() + "\n" + url;
        HikariDataSource pool = perServer ? pinned.get(key) : cached.get(key);
        if (pool != null) {
            return pool;
        }
        if (!perServer && cached.size() >= settings.maxCachedPools()) {
            Iterator<HikariDataSource> eldest = cached.values().iterator();
            eldest.next().close();
            eldest.remove();
        }
        pool = new HikariDataSource(hikari(server, url));
        created++;
        (perServer ? pinned : cached).put(key, pool);
        return pool;
    }

    private HikariConfig hikari(ServerConfig server, String url) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("flotilla-" + server.name() + "-" + (created + 1));
        hikari.setJdbcUrl(url);
        server.credentials().user().ifPresent(hikari::setUsername);
        server.credentials().password().ifPresent(secret -> hikari.setPassword(secret.reveal()));
        hikari.setMaximumPoolSize(server.poolSize());
        hikari.setMinimumIdle(0);
        hikari.setIdleTimeout(settings.idleTimeout().toMillis());
        hikari.setConnectionTimeout(settings.connectionTimeout().toMillis());
        hikari.setLeakDetectionThreshold(settings.leakDetection().toMillis());
        // Connect on first use, not here: a server that is down fails its tenants, not the whole run.
        hikari.setInitializationFailTimeout(-1);
        return hikari;
    }

    /**
     * The URL a driver on the classpath takes: MySQL Connector/J speaks to MariaDB, so {@code jdbc:mariadb:}
     * becomes {@code jdbc:mysql:} (the MariaDB driver is not shipped).
     */
    public static String driverUrl(String url) {
        return url.regionMatches(true, 0, "jdbc:mariadb:", 0, "jdbc:mariadb:".length())
                ? "jdbc:mysql:" + url.substring("jdbc:mariadb:".length()) : url;
    }

    /** The SQLite file a {@code jdbc:sqlite:} URL names, if it names one (not {@code :memory:} or a URI). */
    public static Optional<java.nio.file.Path> sqliteFile(JdbcUrl url) {
        String value = url.value();
        if (!value.toLowerCase(Locale.ROOT).startsWith("jdbc:sqlite:")) {
            return Optional.empty();
        }
        String rest = value.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        String path = query < 0 ? rest : rest.substring(0, query);
        if (path.isEmpty() || path.startsWith(":") || path.startsWith("file:")) {
            return Optional.empty();
        }
        return Optional.of(java.nio.file.Path.of(path));
    }
}
