package dev.flotilla.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * A connection that times every call to the server made through it, by kind: each prepared statement by
 * its SQL, Flotilla's own plain statements by their SQL, the migration's statements as one line, and
 * connection calls (commit, setAutoCommit, metadata) by name. For {@code --profile}: where does a run's
 * time go. Not thread-safe; one run at a time.
 */
final class TimedConnection {

    /** Total nanoseconds and calls per kind, across every connection wrapped with this instance. */
    private final Map<String, long[]> totals = new TreeMap<>();

    Connection wrap(Connection connection) {
        return (Connection) wrap(connection, Connection.class, null);
    }

    /** Prints the kinds, largest first, with their share of {@code wallNanos}; then forgets them. */
    void print(long wallNanos, int runs) {
        System.out.printf("  profile over %d flotilla run(s), per run: ms, calls, share of the run's wall time%n", runs);
        totals.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(25)
                .forEach(e -> System.out.printf("  %9.1f ms %7d  %5.1f%%  %s%n", e.getValue()[0] / 1e6 / runs,
                        e.getValue()[1] / runs, 100.0 * e.getValue()[0] / wallNanos, e.getKey()));
        totals.clear();
    }

    private Object wrap(Object target, Class<?> type, String sql) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            boolean timed = type == Connection.class ? isServerCall(name)
                    : type == DatabaseMetaData.class || name.startsWith("execute") || name.equals("getMoreResults")
                    || name.equals("getGeneratedKeys");
            long started = System.nanoTime();
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (timed) {
                add(key(type, name, sql, args), System.nanoTime() - started);
            }
            if (result instanceof PreparedStatement && name.equals("prepareStatement")) {
                return wrap(result, PreparedStatement.class, (String) args[0]);
            }
            if (result instanceof Statement && name.equals("createStatement")) {
                return wrap(result, Statement.class, null);
            }
            if (result instanceof DatabaseMetaData) {
                return wrap(result, DatabaseMetaData.class, null);
            }
            return result;
        };
        return Proxy.newProxyInstance(TimedConnection.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static boolean isServerCall(String name) {
        return switch (name) {
            case "commit", "rollback", "setAutoCommit", "setSavepoint", "releaseSavepoint", "setSchema",
                 "getSchema", "setCatalog", "getCatalog", "isValid", "setTransactionIsolation" -> true;
            default -> false;
        };
    }

    private static String key(Class<?> type, String method, String sql, Object[] args) {
        if (type == Connection.class) {
            return "connection." + method + (args != null && args.length == 1 ? "(" + args[0] + ")" : "()");
        }
        if (type == DatabaseMetaData.class) {
            return "metadata." + method;
        }
        if (type == PreparedStatement.class) {
            return "prepared: " + shorten(sql);
        }
        String text = args != null && args.length > 0 && args[0] instanceof String s ? s : "";
        String lower = text.strip().toLowerCase();
        boolean flotilla = lower.contains("flotilla") || lower.startsWith("set ") || lower.startsWith("show ")
                || lower.startsWith("select ") || lower.startsWith("savepoint") || lower.startsWith("release")
                || lower.startsWith("rollback") || lower.startsWith("begin") || lower.startsWith("commit")
                || lower.startsWith("reset") || lower.startsWith("discard") || lower.startsWith("use ");
        return flotilla ? "statement: " + shorten(text) : "migration statements (" + method + ")";
    }

    private static String shorten(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() <= 90 ? flat : flat.substring(0, 89) + "…";
    }

    private void add(String key, long nanos) {
        long[] total = totals.computeIfAbsent(key, k -> new long[2]);
        total[0] += nanos;
        total[1]++;
    }
}
