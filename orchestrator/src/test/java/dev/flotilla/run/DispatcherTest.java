package dev.flotilla.run;

import dev.flotilla.registry.Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher starts tenants within both limits at once: the run's concurrency over all servers and
 * each server's own bound, taking servers in turn; a stop leaves the tenants not yet started.
 */
class DispatcherTest {

    private final ExecutorService workers = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopWorkers() throws InterruptedException {
        workers.shutdownNow();
        assertThat(workers.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void eachServerGetsAtMostItsBoundAndReachesIt() throws Exception {
        Occupancy occupancy = new Occupancy();
        Dispatcher dispatcher = new Dispatcher(workers, 10, Map.of("a", 1, "b", 2, "c", 3), new RunControl());

        List<TenantPlan> left = dispatcher.run(tenants(12, "a", "b", "c"), plan -> () -> occupancy.hold(plan.server()));

        assertThat(left).isEmpty();
        assertThat(occupancy.ran).hasSize(36);
        assertThat(occupancy.highest).isEqualTo(Map.of("a", 1, "b", 2, "c", 3));
        assertThat(occupancy.highestInAll).isEqualTo(6);
    }

    @Test
    void theConcurrencyBoundsTheTenantsInFlightOverAllServers() throws Exception {
        Occupancy occupancy = new Occupancy();
        Dispatcher dispatcher = new Dispatcher(workers, 4, Map.of("a", 5, "b", 5), new RunControl());

        List<TenantPlan> left = dispatcher.run(tenants(12, "a", "b"), plan -> () -> occupancy.hold(plan.server()));

        assertThat(left).isEmpty();
        assertThat(occupancy.ran).hasSize(24);
        assertThat(occupancy.highestInAll).isEqualTo(4);
        assertThat(occupancy.highest.values()).allMatch(count -> count <= 4);
    }

    @Test
    void aServerWithoutRoomDoesNotHoldBackTheOthers() throws Exception {
        // a's one slot is held by a tenant that waits for every b tenant to have run
        List<TenantPlan> tenants = new ArrayList<>(List.of(plan("a0", "a"), plan("a1", "a")));
        IntStream.range(0, 6).forEach(i -> tenants.add(plan("b" + i, "b")));
        CountDownLatch bDone = new CountDownLatch(6);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        Dispatcher dispatcher = new Dispatcher(workers, 3, Map.of("a", 1, "b", 2), new RunControl());

        dispatcher.run(tenants, plan -> () -> {
            if (plan.id().equals("a0")) {
                await(bDone);
            }
            order.add(plan.id());
            if (plan.server().equals("b")) {
                bDone.countDown();
            }
        });

        assertThat(order).hasSize(8);
        assertThat(order.subList(0, 6)).allMatch(id -> id.startsWith("b"));
        assertThat(order.subList(6, 8)).containsExactly("a0", "a1");
    }

    @Test
    void aStopStartsNoMoreTenantsLetsTheOneInFlightEndAndReturnsTheRest() throws Exception {
        List<TenantPlan> tenants = IntStream.range(0, 10).mapToObj(i -> plan("t" + i, "s")).toList();
        RunControl control = new RunControl();
        CountDownLatch stopped = new CountDownLatch(1);
        List<String> ended = Collections.synchronizedList(new ArrayList<>());
        Dispatcher dispatcher = new Dispatcher(workers, 2, Map.of("s", 2), control);

        // t0 is still in flight when t1 stops the run: no slot frees before the stop
        List<TenantPlan> left = dispatcher.run(tenants, plan -> () -> {
            if (plan.id().equals("t0")) {
                await(stopped);
            } else {
                control.stop("failure budget of 1 reached");
                stopped.countDown();
            }
            ended.add(plan.id());
        });

        assertThat(ended).containsExactlyInAnyOrder("t0", "t1");
        assertThat(left).extracting(TenantPlan::id).containsExactly("t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9");
    }

    /** {@code count} tenants on each server, server by server. */
    private static List<TenantPlan> tenants(int count, String... servers) {
        List<TenantPlan> tenants = new ArrayList<>();
        for (String server : servers) {
            IntStream.range(0, count).forEach(i -> tenants.add(plan(server + i, server)));
        }
        return tenants;
    }

    private static TenantPlan plan(String id, String server) {
        return new TenantPlan(Tenant.of(id, server, null, id), List.of(), List.of("r1"), List.of("r1"), true,
                Optional.empty(), Optional.empty());
    }

    /** The most tenants seen in flight at once, in all and per server. */
    private static final class Occupancy {
        private final Map<String, Integer> now = new HashMap<>();
        private final Map<String, Integer> highest = new HashMap<>();
        private final List<String> ran = new ArrayList<>();
        private int inAll;
        private int highestInAll;

        void hold(String server) {
            synchronized (this) {
                inAll++;
                highestInAll = Math.max(highestInAll, inAll);
                int count = now.merge(server, 1, Integer::sum);
                highest.merge(server, count, Math::max);
                ran.add(server);
            }
            pause(20); // long enough for the dispatcher to fill every free slot meanwhile
            synchronized (this) {
                inAll--;
                now.merge(server, -1, Integer::sum);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
