package dev.flotilla.engine.dialect.mysql;

import dev.flotilla.engine.dialect.TargetLock;
import dev.flotilla.engine.dialect.TargetLockedException;
import dev.flotilla.engine.dialect.TargetLocks;
import dev.flotilla.engine.dialect.internal.Durations;
import dev.flotilla.engine.dialect.internal.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * User-level locks ({@code GET_LOCK}): held by the session whatever its transactions do, freed when the
 * session ends. The server counts the wait in whole seconds, so a wait is rounded up; zero tries once.
 */
final class NamedLocks implements TargetLocks {

    /** GET_LOCK takes an int of seconds; a negative one would mean forever. */
    private static final long MAX_SECONDS = Integer.MAX_VALUE;

    @Override
    public TargetLock acquire(Connection connection, String schema, String versionTable, Duration wait)
            throws SQLException {
        String database = schema != null ? schema : Jdbc.string(connection, "SELECT DATABASE()");
        if (database == null) {
            throw new SQLException("No database was named and the connection has none selected, so the version "
                    + "table " + versionTable + " has no place; name the target's database", "3D000");
        }
        String name = LockName.of(database, versionTable);
        String target = database + "." + versionTable;
        Object granted = Jdbc.firstRow(connection, Flavor.of(connection).unlimited("SELECT GET_LOCK(?, ?)"),
                name, Durations.ceilSeconds(wait, MAX_SECONDS)).get(0);
        if (granted == null) {
            throw new SQLException("GET_LOCK('" + name + "') for " + target
                    + " failed without waiting its time (the server returns NULL when the wait was killed or "
                    + "memory ran out)", "HY000");
        }
        if (((Number) granted).intValue() != 1) {
            throw new TargetLockedException(target, wait, holder(connection, name));
        }
        return new NamedLock(connection, name);
    }

    /**
     * The connection id holding the lock, with its user, host and database when this user may see them
     * (PROCESS privilege, or the same user). Never throws: the message matters more than its detail.
     */
    private static String holder(Connection connection, String name) {
        try {
            Object id = Jdbc.firstRow(connection, "SELECT IS_USED_LOCK(?)", name).get(0);
            if (id == null) {
                return "lock " + name + " was let go just now; try again";
            }
            List<Object> who = Jdbc.firstRow(connection, "SELECT user, host, db, time FROM "
                    + "information_schema.processlist WHERE id = ?", id);
            return "lock " + name + " held by connection id " + id + (who == null ? ""
                    : " (user " + who.get(0) + ", host " + who.get(1) + ", database " + who.get(2)
                    + ", in its current state for " + who.get(3) + " s)");
        } catch (SQLException e) {
            return "lock " + name + "; its holder could not be read: " + e.getMessage();
        }
    }
}
