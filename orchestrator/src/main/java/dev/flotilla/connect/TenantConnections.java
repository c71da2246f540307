package dev.flotilla.connect;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.flotilla.config.ProjectConfig;
import dev.flotilla.config.ServerConfig;
import dev.flotilla.registry.Layout;
import dev.flotilla.registry.RegistryException;
import dev.flotilla.registry.Tenant;
import dev.flotilla.registry.template.JdbcUrl;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HikariCP pools for a fleet: one per schema-per-tenant server, else one per tenant database or file, in a
 * bounded cache.
 *
 * <ul>
 *   <li>Schema-per-tenant: every tenant of a server shares the server's URL, so the server has one pool;
 *       the engine's {@code Migrator} positions a borrowed connection on the tenant's schema and puts it
 *       back as it was. These pools stay open until {@link #close()}.</li>
 *   <li>Database-per-tenant and SQLite file-per-tenant: each tenant has its own URL and so its own pool,
 *       kept in a cache of at most {@link PoolSettings#maxCachedPools()} pools; taking a connection for
 *       another URL when the cache is full closes the least recently used pool that has no connection
 *       out. Pools keep no idle connections ({@code minimumIdle = 0}), so an unused one holds nothing
 *       open.</li>
 * </ul>
 *
 * <p>A server can be given a connection limit ({@link #limit}), as a fleet run does with its per-server
 * bound: its pools are then sized to the limit, and a per-tenant pool is closed as soon as its last
 * connection comes back (closing a HikariCP pool waits for its connections to close), so the server
 * sees at most as many connections as tenants in flight.
 *
 * <p>Thread-safe: any number of threads may borrow and return connections at once. A pool is never
 * closed while one of its connections is borrowed, except by {@link #close()}. Passwords are revealed
 * only to HikariCP. Close it with try-with-resources.
 */
public final class TenantConnections implements AutoCloseable {

    /**
     * How long one wait for a pool that has never made a connection lasts before its last failure is
     * looked at (see {@link #firstConnection}).
     */
    private static final long FIRST_WAIT_SLICE_MILLIS = 250;

    /** One pool and how many of its connections are out. Guarded by the enclosing object's lock. */
    private static final class Pool {
        final HikariDataSource source;
        final String server;
        final boolean perServer;
        int borrowed;
        /** Whether a connection was ever made; read without the lock. */
        volatile boolean connected;

        Pool(HikariDataSource source, String server, boolean perServer) {
            this.source = source;
            this.server = server;
            this.perServer = perServer;
        }
    }

    private final ProjectConfig config;
    private final PoolSettings settings;
    private final Map<String, Pool> pinned = new LinkedHashMap<>();
    private final LinkedHashMap<String, Pool> cached = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, Integer> limits = new HashMap<>();
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
        return borrow(server, driverUrl(url.value()), perServer);
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
        return borrow(server, driverUrl(server.url()), true);
    }

    /**
     * A connection to a server at {@code url}, a URL that is not a tenant's own (e.g. the server without a
     * database, to create one); the pool is cached like a database-per-tenant one.
     */
    public Connection connectAdmin(String serverName, String url) throws SQLException {
        return borrow(server(serverName), driverUrl(url), false);
    }

    /**
     * Keeps {@code server}'s connections from this object at {@code connections} or fewer when no more than
     * that many are borrowed at once: its pools shrink to that size, and its per-tenant pools close when
     * their last connection is returned. Idle connections of its pools are closed now. Lasts until
     * {@link #close()}; a later call replaces the limit.
     */
    public synchronized void limit(String server, int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("a connection limit must be at least 1, found " + connections);
        }
        server(server);
        limits.put(server, connections);
        for (Pool pool : allPools()) {
            if (pool.server.equals(server)) {
                pool.source.getHikariConfigMXBean().setMaximumPoolSize(poolSize(server(server)));
                if (pool.source.getHikariPoolMXBean() != null) {
                    pool.source.getHikariPoolMXBean().softEvictConnections();
                }
            }
        }
    }

    /**
     * Closes the idle connections of {@code server}'s pools (a survey's on the server itself, say), so that
     * only the connections borrowed from now on count against its limit. A schema-per-tenant server's one
     * pool keeps them: its tenants reuse them, and it never holds more than the limit.
     */
    public synchronized void closeIdle(String server) {
        if (Servers.layout(server(server).layout()) == Layout.SCHEMA_PER_TENANT) {
            return;
        }
        for (Pool pool : allPools()) {
            if (pool.server.equals(server) && pool.source.getHikariPoolMXBean() != null) {
                pool.source.getHikariPoolMXBean().softEvictConnections();
            }
        }
    }

    /** Pools open now. */
    public synchronized int openPools() {
        return pinned.size() + cached.size();
    }

    /** Pools opened since this object was made, closed ones included. */
    public synchronized int poolsCreated() {
        return created;
    }

    /** Connections borrowed and not yet returned, over every open pool (0 when nothing leaks). */
    public synchronized int activeConnections() {
        int active = 0;
        for (Pool pool : allPools()) {
            active += pool.borrowed;
        }
        return active;
    }

    /** Closes every pool, also those with connections still out. */
    @Override
    public void close() {
        List<Pool> all;
        synchronized (this) {
            closed = true;
            all = allPools();
            pinned.clear();
            cached.clear();
        }
        all.forEach(pool -> pool.source.close());
    }

    private Connection borrow(ServerConfig server, String url, boolean perServer) throws SQLException {
        Pool pool = take(server, url, perServer);
        Connection connection;
        try {
            connection = pool.connected ? pool.source.getConnection() : firstConnection(pool);
        } catch (SQLException | RuntimeException e) {
            returned(pool);
            throw e;
        }
        return ReturnedOnClose.wrap(connection, () -> returned(pool));
    }

    /**
     * A connection from a pool that has made none yet. HikariCP goes on trying to connect for the whole
     * connection timeout whatever the server answered, so a wrong password or a database that does not
     * exist would cost every tenant the full timeout (10 s by default) before its error. So the wait is
     * cut into slices, and after each one the pool's last failure is looked at: when it is one that
     * waiting cannot mend (authorization, or no such database), the driver's own exception is thrown
     * then. Other failures (a server down or starting) are waited out as before, to the same deadline.
     */
    private Connection firstConnection(Pool pool) throws SQLException {
        if (!(pool.source.getHikariPoolMXBean() instanceof HikariPool hikari)) {
            return pool.source.getConnection(); // not started: HikariCP's own wait, whole
        }
        long timeout = settings.connectionTimeout().toMillis();
        long start = System.nanoTime();
        while (true) {
            long left = timeout - (System.nanoTime() - start) / 1_000_000;
            try {
                Connection connection = hikari.getConnection(Math.max(1, Math.min(FIRST_WAIT_SLICE_MILLIS, left)));
                pool.connected = true;
                return connection;
            } catch (SQLTransientConnectionException e) {
                if (e.getCause() instanceof SQLException cause && ConnectFailures.lasting(e)) {
                    throw cause;
                }
                if ((System.nanoTime() - start) / 1_000_000 >= timeout) {
                    throw e;
                }
            }
        }
    }

    /** The pool for {@code url}, counted as borrowed from until {@link #returned}. */
    private Pool take(ServerConfig server, String url, boolean perServer) {
        List<Pool> evicted = new ArrayList<>();
        Pool pool;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the connections are closed");
            }
            String key = server.name() + "\n" + url;
            pool = perServer ? pinned.get(key) : cached.get(key);
            if (pool == null) {
                if (!perServer) {
                    evicted.addAll(evictFor(1));
                }
                pool = new Pool(new HikariDataSource(hikari(server, url)), server.name(), perServer);
                created++;
                (perServer ? pinned : cached).put(key, pool);
            }
            pool.borrowed++;
        }
        evicted.forEach(old -> old.source.close());
        return pool;
    }

    private void returned(Pool pool) {
        boolean closeNow;
        synchronized (this) {
            pool.borrowed--;
            closeNow = !pool.perServer && pool.borrowed == 0 && limits.containsKey(pool.server)
                    && cached.values().remove(pool);
        }
        if (closeNow) {
            pool.source.close(); // waits for its connections to close: the server's count drops now
        }
    }

    /** Removes least recently used cached pools with no connection out until {@code room} more fit. */
    private List<Pool> evictFor(int room) {
        List<Pool> evicted = new ArrayList<>();
        Iterator<Pool> eldest = cached.values().iterator();
        while (cached.size() + room > settings.maxCachedPools() && eldest.hasNext()) {
            Pool pool = eldest.next();
            if (pool.borrowed == 0) {
                eldest.remove();
                evicted.add(pool);
            }
        }
        return evicted;
    }

    private List<Pool> allPools() {
        List<Pool> all = new ArrayList<>(pinned.values());
        all.addAll(cached.values());
        return all;
    }

    private ServerConfig server(String name) {
        return config.server(name).orElseThrow(() -> new RegistryException("unknown server '" + name + "'"));
    }

    private int poolSize(ServerConfig server) {
        Integer limit = limits.get(server.name());
        return limit == null ? server.poolSize() : Math.min(server.poolSize(), limit);
    }

    private HikariConfig hikari(ServerConfig server, String url) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("flotilla-" + server.name() + "-" + (created + 1));
        hikari.setJdbcUrl(url);
        server.credentials().user().ifPresent(hikari::setUsername);
        server.credentials().password().ifPresent(secret -> hikari.setPassword(secret.reveal()));
        hikari.setMaximumPoolSize(poolSize(server));
        hikari.setMinimumIdle(0);
        hikari.setIdleTimeout(settings.idleTimeout().toMillis());
        hikari.setConnectionTimeout(settings.connectionTimeout().toMillis());
        hikari.setLeakDetectionThreshold(settings.leakDetection().toMillis());
        if (url.startsWith("jdbc:postgresql:")) {
            // pg_stat_activity shows who is connected; a name in the URL wins over this one.
            hikari.addDataSourceProperty("ApplicationName", "flotilla");
        }
        dev.flotilla.engine.dialect.Dialects.forUrl(url).connectionProperties().forEach(hikari::addDataSourceProperty);
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
