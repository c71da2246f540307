package dev.flotilla.survey;

import dev.flotilla.config.ServerConfig;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Opens the connections a survey reads over: a plain connection per call, closed by the caller, not a
 * pooled one (a survey holds a few connections per server for a second or two). Implementations are
 * thread-safe.
 */
@FunctionalInterface
public interface ServerConnector {

    /** The JDBC drivers, with the server's user and password and the connect timeout given. */
    ServerConnector DRIVERS = new DriverConnector();

    /**
     * A connection to {@code url} on {@code server}.
     *
     * @param url     the URL to connect to, as the driver takes it ({@code jdbc:mariadb:} already made
     *                {@code jdbc:mysql:}); it may hold a password, so never print it unmasked
     * @param timeout how long connecting may take
     */
    Connection open(ServerConfig server, String url, Duration timeout) throws SQLException;
}
