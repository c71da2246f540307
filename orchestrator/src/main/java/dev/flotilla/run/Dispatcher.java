package dev.flotilla.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Starts tenants on a pool of worker threads within two limits: {@code concurrency} in all and each
 * server's own bound (a bulkhead per server), taking servers in turn so that one busy server does not
 * hold back the others. One phase at a time; {@link #run} returns when the phase's started tenants have
 * ended. Used by the run's own thread; the workers only report back.
 */
final class Dispatcher {

    private final ExecutorService workers;
    private final int concurrency;
    private final Map<String, Integer> perServer;
    private final RunControl control;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, Integer> running = new HashMap<>();
    private int inFlight;

    Dispatcher(ExecutorService workers, int concurrency, Map<String, Integer> perServer, RunControl control) {
        this.workers = workers;
        this.concurrency = concurrency;
        this.perServer = Map.copyOf(perServer);
        this.control = control;
    }

    /**
     * Runs {@code work} on each tenant of the phase until the run stops; returns the tenants never started.
     * Waits for the started ones to end.
     */
    List<TenantPlan> run(List<TenantPlan> tenants, Function<TenantPlan, Runnable> work) throws InterruptedException {
        Map<String, Deque<TenantPlan>> queues = new LinkedHashMap<>();
        tenants.forEach(plan -> queues.computeIfAbsent(plan.server(), server -> new ArrayDeque<>()).add(plan));
        List<String> turn = new ArrayList<>(queues.keySet());
        int next = 0;
        lock.lock();
        try {
            while (!queues.isEmpty() && !control.stopped()) {
                String server = inFlight < concurrency ? serverWithRoom(turn, next, queues) : null;
                if (server == null) {
                    changed.await(50, TimeUnit.MILLISECONDS); // also notices a stop, which does not signal
                    continue;
                }
                next = (turn.indexOf(server) + 1) % turn.size();
                TenantPlan plan = queues.get(server).poll();
                if (queues.get(server).isEmpty()) {
                    queues.remove(server);
                }
                start(plan, work.apply(plan));
            }
            while (inFlight > 0) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
        List<TenantPlan> left = new ArrayList<>();
        queues.values().forEach(left::addAll);
        return left;
    }

    private String serverWithRoom(List<String> turn, int from, Map<String, Deque<TenantPlan>> queues) {
        for (int i = 0; i < turn.size(); i++) {
            String server = turn.get((from + i) % turn.size());
            if (queues.containsKey(server) && running.getOrDefault(server, 0) < perServer.getOrDefault(server, 1)) {
                return server;
            }
        }
        return null;
    }

    private void start(TenantPlan plan, Runnable task) {
        inFlight++;
        running.merge(plan.server(), 1, Integer::sum);
        workers.execute(() -> {
            try {
                task.run();
            } finally {
                ended(plan.server());
            }
        });
    }

    private void ended(String server) {
        lock.lock();
        try {
            inFlight--;
            running.merge(server, -1, Integer::sum);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
