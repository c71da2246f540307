package dev.flotilla.engine.dialect.mysql;

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
 * MySQL and MariaDB: DDL commits by itself, a target is a database, the lock is a {@code GET_LOCK} user
 * lock, the session is positioned with {@code USE}. See {@code docs/dialects.md}. Stateless and
 * thread-safe.
 */
public final class MySqlDialect implements Dialect {

    private final MySqlSql sql = new MySqlSql();
    private final Catalog catalog = new MySqlCatalog();
    private final TargetLocks locks = new NamedLocks();
    private final Sessions sessions = new MySqlSessions(sql);
    private final TargetReader reader = new MySqlTargetReader(sql);

    public MySqlDialect() {
    }

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public SqlDialect syntax() {
        return SqlDialect.MYSQL;
    }

    /**
     * Connector/J parses a prepared statement's text on the client each time one is made; the runner makes
     * the same few (a step's running row, progress, close) hundreds of times a run, so the parse is kept.
     * {@code useLocalSessionState}: the driver answers for auto-commit from the status the server sends
     * with every reply instead of sending {@code SET autocommit} when it is already so (the pool sets it on
     * every borrow and return): two round trips a tenant.
     */
    @Override
    public Map<String, String> connectionProperties() {
        return Map.of("cachePrepStmts", "true", "prepStmtCacheSize", "64", "prepStmtCacheSqlLimit", "4096",
                "useLocalSessionState", "true");
    }

    @Override
    public boolean transactionalDdl() {
        return false;
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
        return MySqlFailures.isTransient(failure);
    }

    @Override
    public boolean changedNothing(SQLException failure) {
        return MySqlFailures.changedNothing(failure);
    }

    @Override
    public String toString() {
        return name();
    }
}
