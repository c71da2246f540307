package dev.flotilla.engine.dialect.sqlite;

import dev.flotilla.engine.dialect.Catalog;
import dev.flotilla.engine.dialect.Dialect;
import dev.flotilla.engine.dialect.DialectSql;
import dev.flotilla.engine.dialect.Sessions;
import dev.flotilla.engine.dialect.TargetLocks;
import dev.flotilla.engine.dialect.TargetReader;
import dev.flotilla.engine.sql.SqlDialect;

import java.sql.SQLException;

/**
 * SQLite: transactional DDL, a target is a database file, the lock is an exclusive transaction, and the
 * session only sets the busy timeout. See {@code docs/dialects.md}. Stateless and thread-safe.
 */
public final class SqliteDialect implements Dialect {

    private final SqliteSql sql = new SqliteSql();
    private final Catalog catalog = new SqliteCatalog(sql);
    private final TargetLocks locks = new ExclusiveLocks();
    private final Sessions sessions = new SqliteSessions();
    private final TargetReader reader = new SqliteTargetReader(sql);

    public SqliteDialect() {
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public SqlDialect syntax() {
        return SqlDialect.SQLITE;
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
        return SqliteFailures.isTransient(failure);
    }

    @Override
    public String toString() {
        return name();
    }
}
