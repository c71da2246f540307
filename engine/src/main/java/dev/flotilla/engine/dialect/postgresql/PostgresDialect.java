package dev.flotilla.engine.dialect.postgresql;

import dev.flotilla.engine.dialect.Catalog;
import dev.flotilla.engine.dialect.Dialect;
import dev.flotilla.engine.dialect.DialectSql;
import dev.flotilla.engine.dialect.Sessions;
import dev.flotilla.engine.dialect.TargetLocks;
import dev.flotilla.engine.dialect.TargetReader;
import dev.flotilla.engine.sql.SqlDialect;

import java.sql.SQLException;
import java.util.Map;

/**
 * PostgreSQL: transactional DDL, a target is a schema, the lock is a session advisory lock, the session
 * is positioned with {@code search_path}. See {@code docs/dialects.md}. Stateless and thread-safe.
 */
public final class PostgresDialect implements Dialect {

    private final PostgresSql sql = new PostgresSql();
    private final Catalog catalog = new PostgresCatalog();
    private final TargetLocks locks = new AdvisoryLocks();
    private final Sessions sessions = new PostgresSessions(sql);
    private final TargetReader reader = new PostgresTargetReader(sql);

    public PostgresDialect() {
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public SqlDialect syntax() {
        return SqlDialect.POSTGRESQL;
    }

    /**
     * The driver forgets every server-prepared statement after each CREATE, ALTER or DROP it sees, to spare
     * a {@code SELECT *} a changed result type; a migration is all DDL, so the runner's own statements (a
     * step's record and its COMMIT) would be parsed and planned again at every step. They name their
     * columns, and the scripts' statements are never prepared, so there is no result type to change.
     */
    @Override
    public Map<String, String> connectionProperties() {
        return Map.of("flushCacheOnDdl", "false");
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public DialectSql sql() {
        return sql;
    }

    @Override
    public Catalog catalog() {
        return catalog;
    }

    @Override
    public TargetLocks locks() {
        return locks;
    }

    @Override
    public Sessions sessions() {
        return sessions;
    }

    @Override
    public TargetReader reader() {
        return reader;
    }

    @Override
    public boolean isTransient(SQLException failure) {
        return PostgresFailures.isTransient(failure);
    }

    @Override
    public String toString() {
        return name();
    }
}
