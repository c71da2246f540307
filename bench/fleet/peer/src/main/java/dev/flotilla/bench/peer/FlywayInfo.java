package dev.flotilla.bench.peer;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The status peer: Flyway's {@code info()} looped over the tenants, as its users report where each tenant
 * stands (Flyway has no multi-tenant status of its own). One pool for the server; each tenant is its
 * schema (PostgreSQL) or database (MySQL/MariaDB), given to Flyway as its schema.
 *
 * <pre>FlywayInfo setup|info URL USER THREADS LOCATION PLACE[,PLACE...]</pre>
 * {@code setup} migrates tenant number i (from 1) to version (i % 10) + 1 and leaves every 20th alone, as
 * the status bench's fleet is; {@code info} prints the tenants per current version, then the wall time in
 * ms on its own line.
 */
public final class FlywayInfo {

    public static void main(String[] args) throws Exception {
        boolean setup = args[0].equals("setup");
        String location = "filesystem:" + args[4];
        int threads = Integer.parseInt(args[3]);
        List<String> places = Arrays.asList(args[5].split(","));
        long start = System.nanoTime();
        Map<String, Integer> versions = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (HikariDataSource shared = FlywayLoop.dataSource(args[1], args[2], 2 * threads)) { // info() may hold two
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < places.size(); i++) {
                int number = i + 1;
                String place = places.get(i);
                work.add(pool.submit(() -> {
                    FluentConfiguration config = Flyway.configure().dataSource(shared).schemas(place)
                            .locations(location).validateMigrationNaming(true);
                    if (setup) {
                        if (number % 20 != 0) {
                            config.target(Integer.toString(number % 10 + 1)).load().migrate();
                        }
                    } else {
                        MigrationInfo current = config.load().info().current();
                        versions.merge(current == null ? "none" : current.getVersion().toString(), 1, Integer::sum);
                    }
                    return null;
                }));
            }
            for (Future<?> each : work) {
                each.get();
            }
        } finally {
            pool.shutdown();
        }
        if (!setup) {
            System.out.println(places.size() + " tenants " + new TreeMap<>(versions));
        }
        System.out.println((System.nanoTime() - start) / 1_000_000);
    }
}
