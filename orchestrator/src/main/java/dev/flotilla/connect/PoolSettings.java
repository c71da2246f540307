package dev.flotilla.connect;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link TenantConnections} sizes and watches its HikariCP pools. Immutable.
 *
 * @param maxCachedPools    pools kept open at once for database-per-tenant and file-per-tenant servers,
 *                          where every tenant has its own URL; the least recently used one is closed when
 *                          another is needed. At least 1. Schema-per-tenant servers keep one pool each,
 *                          outside this bound.
 * @param connectionTimeout how long taking a connection may wait (connecting included); at least 250 ms
 *                          (HikariCP's minimum)
 * @param idleTimeout       how long an unused connection stays open; at least 10 s (HikariCP's minimum)
 * @param leakDetection     a borrowed connection not returned within this time is logged by HikariCP as a
 *                          leak; {@link Duration#ZERO} turns detection off, else at least 2 s
 */
public record PoolSettings(int maxCachedPools, Duration connectionTimeout, Duration idleTimeout,
                           Duration leakDetection) {

    /** 16 cached pools, 10 s to connect, 30 s idle, no leak detection. */
    public static final PoolSettings DEFAULTS =
            new PoolSettings(16, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ZERO);

    public PoolSettings {
        if (maxCachedPools < 1) {
            throw new IllegalArgumentException("maxCachedPools must be at least 1, found " + maxCachedPools);
        }
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(leakDetection, "leakDetection");
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connectionTimeout must be at least 250ms, found " + connectionTimeout);
        }
        if (idleTimeout.toMillis() < 10_000) {
            throw new IllegalArgumentException("idleTimeout must be at least 10s, found " + idleTimeout);
        }
        if (!leakDetection.isZero() && leakDetection.toMillis() < 2_000) {
            throw new IllegalArgumentException("leakDetection must be 0 or at least 2s, found " + leakDetection);
        }
    }

    /** These settings with leak detection after {@code threshold}. */
    public PoolSettings withLeakDetection(Duration threshold) {
        return new PoolSettings(maxCachedPools, connectionTimeout, idleTimeout, threshold);
    }

    /** These settings keeping at most {@code pools} database- or file-per-tenant pools open. */
    public PoolSettings withMaxCachedPools(int pools) {
        return new PoolSettings(pools, connectionTimeout, idleTimeout, leakDetection);
    }
}
