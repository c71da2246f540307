package dev.flotilla.engine.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Callable;

/** What the dialect tests do to a connection besides calling the dialect. */
public final class Queries {

    private Queries() {
    }

    public static void run(Connection connection, String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** The first column of the first row, as a string; null for SQL NULL or no row. */
    public static String one(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** Runs {@code work} and says how long it took. */
    public static <T> Timed<T> timed(Callable<T> work) throws Exception {
        long start = System.nanoTime();
        T value = work.call();
        return new Timed<>(value, Duration.ofNanos(System.nanoTime() - start));
    }

    public record Timed<T>(T value, Duration took) {
    }

    /** The TargetLockedException {@code work} throws; an assertion failure if it throws another or none. */
    public static TargetLockedException lockedOut(Callable<?> work) {
        try {
            work.call();
        } catch (TargetLockedException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected TargetLockedException, got " + e, e);
        }
        throw new AssertionError("expected TargetLockedException, but the lock was granted");
    }
}
