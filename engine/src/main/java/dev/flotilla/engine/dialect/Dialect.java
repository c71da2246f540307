package dev.flotilla.engine.dialect;

import dev.flotilla.engine.sql.SqlDialect;

import java.sql.SQLException;
import java.util.Map;

/**
 * What the runner needs to know of one database product. One implementation per sub-package
 * ({@code postgresql}, {@code mysql}, {@code sqlite}); {@link Dialects} picks one by JDBC URL.
 *
 * <p>A facade over a few small parts rather than one wide interface: the SQL text (usable offline, with
 * no connection), the catalog, the per-target lock and the session guard each do one job and are
 * tested on their own. Implementations are stateless and thread-safe.
 */
public interface Dialect {

    /** {@code postgresql}, {@code mysql} or {@code sqlite}: the name scripts use for their sections. */
    String name();

    /** How scripts in this dialect are split into statements. */
    SqlDialect syntax();

    /**
     * True when DDL takes part in transactions (PostgreSQL, SQLite), so a step and its version change can
     * commit together; false when every DDL statement commits by itself (MySQL, MariaDB).
     */
    boolean transactionalDdl();

    /** SQL text: quoting, the version and history tables' DDL, transaction words for offline scripts. */
    DialectSql sql();

    /** Questions about what exists on a live connection. */
    Catalog catalog();

    /** The lock that keeps two runs off one target. */
    TargetLocks locks();

    /** Positions a connection on a target with timeouts, and restores it afterwards. */
    Sessions sessions();

    /** Reads where many targets on one connection stand, in a few queries (status of a fleet). */
    TargetReader reader();

    /**
     * True for a failure that may pass if the same work is tried again later (deadlock, serialization
     * failure, lock timeout, too many connections, a dropped connection); false for every other.
     * Decided by SQLSTATE and vendor code, walking {@link SQLException#getNextException()} and causes.
     */
    boolean isTransient(SQLException failure);

    /**
     * Driver properties a connection that migrates should be opened with, where the URL does not set them
     * (the URL's own value wins). Empty unless the dialect needs some.
     */
    default Map<String, String> connectionProperties() {
        return Map.of();
    }

    /**
     * True when {@code failure}, raised by {@code statement} run outside a transaction, certainly changed
     * nothing (it never got the lock it waited for, or the server refused it while checking it, before it
     * ran), so a fresh step whose first statement failed so is not dirty. False unless the dialect knows:
     * PostgreSQL's {@code CREATE INDEX CONCURRENTLY} leaves an invalid index behind when its lock wait times
     * out, so no code is safe there.
     */
    default boolean changedNothing(SQLException failure, String statement) {
        return false;
    }
}
