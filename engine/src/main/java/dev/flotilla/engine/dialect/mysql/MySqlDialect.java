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
     * Not {@code useLocalSessionState}: it would save the two {@code SET autocommit} a target costs, but
     * the driver then believes its own record of auto-commit, and a script's {@code SET autocommit = 0}
     * would outlive the run on the pooled connection.
     */
    @Override
    public Map<String, String> connectionProperties() {
        return Map.of("cachePrepStmts", "true", "prepStmtCacheSize", "64", "prepStmtCacheSqlLimit", "4096");
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
    public boolean changedNothing(SQLException failure, String statement) {
        return MySqlFailures.changedNothing(failure, statement);
    }

    @Override
    public String toString() {
        return name();
    }
}
