package dev.flotilla.run;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts a server's connections from Flotilla every few milliseconds on a connection of its own, and keeps
 * the highest count seen. Closing stops it.
 */
final class ConnectionSampler implements AutoCloseable {

    private final Connection connection;
    private final String query;
    private final AtomicInteger highest = new AtomicInteger();
    private final AtomicInteger samples = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile SQLException failure;

    private ConnectionSampler(Connection connection, String query) {
        this.connection = connection;
        this.query = query;
        this.thread = new Thread(this::sample, "connection-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Samples with {@code query}, which returns one count, on {@code connection} (closed with the sampler). */
    static ConnectionSampler start(Connection connection, String query) {
        return new ConnectionSampler(connection, query);
    }

    int highest() {
        return highest.get();
    }

    int samples() {
        return samples.get();
    }

    private void sample() {
        try (Statement statement = connection.createStatement()) {
            while (running) {
                try (ResultSet rows = statement.executeQuery(query)) {
                    rows.next();
                    highest.accumulateAndGet(rows.getInt(1), Math::max);
                    samples.incrementAndGet();
                }
                Thread.sleep(5);
            }
        } catch (SQLException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws Exception {
        running = false;
        thread.join(5_000);
        connection.close();
        if (failure != null) {
            throw failure;
        }
    }
}
