package dev.flotilla.bench.peer;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Flyway looping over tenants, as its users do today: {@code migrate()} per schema (one pool for the
 * server) or per database (a pool per database, as each has its own URL).
 *
 * <pre>FlywayLoop schema|database URL USER THREADS LOCATION PLACE[,PLACE...]</pre>
 * For {@code database}, URL holds {@code %s} where the database name goes. Prints the wall time in ms.
 */
public final class FlywayLoop {

    public static void main(String[] args) throws Exception {
        boolean schemas = args[0].equals("schema");
        String url = args[1];
        String user = args[2];
        int threads = Integer.parseInt(args[3]);
        String location = "filesystem:" + args[4];
        List<String> places = Arrays.asList(args[5].split(","));
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        HikariDataSource shared = schemas ? dataSource(url, user, 2 * threads) : null; // migrate() holds two connections
        List<Future<?>> runs = new ArrayList<>();
        for (String place : places) {
            runs.add(pool.submit(() -> {
                if (schemas) {
                    migrate(Flyway.configure().dataSource(shared).schemas(place).createSchemas(false), location);
                } else {
                    try (HikariDataSource own = dataSource(String.format(url, place), user, 2)) {
                        migrate(Flyway.configure().dataSource(own), location);
                    }
                }
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        if (shared != null) {
            shared.close();
        }
        System.out.println((System.nanoTime() - start) / 1_000_000);
    }

    private static void migrate(org.flywaydb.core.api.configuration.FluentConfiguration config, String location) {
        config.locations(location).validateMigrationNaming(true).load().migrate();
    }

    /** One pool over {@code url}, shared by the peer's loops. */
    static HikariDataSource dataSource(String url, String user, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }
}
