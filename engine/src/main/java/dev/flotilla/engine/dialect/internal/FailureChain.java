package dev.flotilla.engine.dialect.internal;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Walks every {@link SQLException} reachable from a failure through {@link SQLException#getNextException()}
 * and {@link Throwable#getCause()}, each once: drivers chain the server's real error behind a generic one
 * (batch failures, wrapped I/O errors), and some chains loop back on themselves.
 */
public final class FailureChain {

    /** A chain longer than this is a driver bug; what lies beyond it is not looked at. */
    private static final int MAX_LINKS = 100;

    private FailureChain() {
    }

    /**
     * True when some link is transient: {@code verdict} says so for its codes, or, where {@code verdict}
     * has no opinion (null), the JDBC class says so ({@link SQLTransientException},
     * {@link SQLRecoverableException}). {@code verdict} returning false overrules the class, for codes a
     * driver files under a transient class although a retry would fail the same way (a statement that
     * ran past its time limit).
     */
    public static boolean anyTransient(SQLException failure, Classifier verdict) {
        return any(failure, link -> {
            Boolean byCode = verdict.classify(link);
            return byCode != null ? byCode
                    : link instanceof SQLTransientException || link instanceof SQLRecoverableException;
        });
    }

    /** True when {@code test} holds for some SQLException in the chain. */
    public static boolean any(SQLException failure, Predicate<SQLException> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        while (!pending.isEmpty() && seen.size() < MAX_LINKS) {
            Throwable link = pending.poll();
            if (link == null || !seen.add(link)) {
                continue;
            }
            if (link instanceof SQLException sql) {
                if (test.test(sql)) {
                    return true;
                }
                addIfPresent(pending, sql.getNextException());
            }
            addIfPresent(pending, link.getCause());
        }
        return false;
    }

    /** ArrayDeque refuses null, and most links have no cause or next exception. */
    private static void addIfPresent(Deque<Throwable> pending, Throwable link) {
        if (link != null) {
            pending.add(link);
        }
    }

    /** One link's verdict by its codes: true, false, or null for "the codes say nothing". */
    @FunctionalInterface
    public interface Classifier {
        Boolean classify(SQLException link);
    }
}
