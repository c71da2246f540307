package dev.flotilla.engine.dialect.sqlite;

import dev.flotilla.engine.dialect.internal.FailureChain;

import java.sql.SQLException;

/**
 * Which SQLite failures may pass on a later try: SQLITE_BUSY (5), another connection holds the file,
 * and SQLITE_LOCKED (6), a conflict inside a shared cache. The xerial driver puts the result code in
 * {@link SQLException#getErrorCode()}; the low byte of an extended code (SQLITE_BUSY_SNAPSHOT is
 * 5 | 2 &lt;&lt; 8) is its primary code, so both forms are recognised.
 */
final class SqliteFailures {

    static final int SQLITE_BUSY = 5;
    static final int SQLITE_LOCKED = 6;

    private SqliteFailures() {
    }

    static boolean isTransient(SQLException failure) {
        return FailureChain.anyTransient(failure, link -> isBusy(link) ? Boolean.TRUE : null);
    }

    static boolean isBusy(SQLException link) {
        int primary = link.getErrorCode() & 0xFF;
        return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
    }
}
