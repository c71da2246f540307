package dev.flotilla.survey;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads every server's units at once, each server through at most its limit of workers (so of
 * connections), and stops waiting at one deadline: units not read by then make their tenants
 * unreachable, and connections still open are aborted. The threads are daemons, owned by one call and
 * shut down before it returns. The deadline is measured with {@link System#nanoTime()}, as a timeout
 * is, not read from a clock. One call at a time.
 */
final class Fanout {

    private final UnitReader reader;
    private final Duration limit;

    Fanout(UnitReader reader, Duration limit) {
        this.reader = reader;
        this.limit = limit;
    }

    /** A reading per tenant of every unit; {@code limits} holds each server's connection limit. */
    Map<String, Reading> read(Map<String, List<ReadUnit>> units, Map<String, Integer> limits) {
        Map<String, Reading> results = new ConcurrentHashMap<>();
        Map<ReadUnit, AtomicReference<Connection>> inFlight = new ConcurrentHashMap<>();
        int workers = units.entrySet().stream().mapToInt(e -> Math.min(limits.get(e.getKey()), e.getValue().size())).sum();
        if (workers == 0) {
            return Map.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemons());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Map.Entry<String, List<ReadUnit>> server : units.entrySet()) {
                Queue<ReadUnit> queue = new ConcurrentLinkedQueue<>(server.getValue());
                for (int i = 0; i < Math.min(limits.get(server.getKey()), server.getValue().size()); i++) {
                    futures.add(pool.submit(() -> work(queue, results, inFlight)));
                }
            }
            await(futures);
            Map<String, Reading> snapshot = new HashMap<>(results);
            inFlight.values().forEach(Fanout::abort);
            units.values().forEach(list -> list.forEach(unit -> unit.tenants().forEach(tenant ->
                    snapshot.computeIfAbsent(tenant.id(), id -> new Reading.Unreachable(id, timedOut(unit))))));
            return snapshot;
        } finally {
            pool.shutdownNow();
        }
    }

    private void work(Queue<ReadUnit> queue, Map<String, Reading> results,
                      Map<ReadUnit, AtomicReference<Connection>> inFlight) {
        ReadUnit unit;
        while (!Thread.currentThread().isInterrupted() && (unit = queue.poll()) != null) {
            AtomicReference<Connection> open = new AtomicReference<>();
            inFlight.put(unit, open);
            results.putAll(reader.read(unit, open));
            inFlight.remove(unit);
        }
    }

    private void await(List<Future<?>> futures) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (Future<?> future : futures) {
            try {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return;
            } catch (ExecutionException e) {
                // A worker that died (an Error) leaves its unit unread: reported unreachable below.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String timedOut(ReadUnit unit) {
        return UnitReader.scrub(unit, "cannot read server '" + unit.server().name() + "' at " + unit.masked()
                + ": no answer within " + limit.toSeconds() + " s (connect and read timeouts); check that the"
                + " server is up and not overloaded, or raise the survey's timeouts");
    }

    /** Closes the socket under a read that has not returned; the read then fails on its own thread. */
    private static void abort(AtomicReference<Connection> open) {
        Connection connection = open.get();
        if (connection != null) {
            try {
                connection.abort(Runnable::run);
            } catch (Exception e) {
                // Nothing more can be done for a connection that cannot even be aborted; its thread is a daemon.
            }
        }
    }

    private static ThreadFactory daemons() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "flotilla-survey-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
