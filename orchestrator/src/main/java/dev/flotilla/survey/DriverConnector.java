package dev.flotilla.survey;

import dev.flotilla.config.ServerConfig;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Connections straight from the drivers. The connect timeout goes in each driver's own property
 * (PostgreSQL's {@code connectTimeout} and {@code loginTimeout} in seconds, Connector/J's in
 * milliseconds), not in {@link DriverManager#setLoginTimeout}, which is global to the JVM. Stateless.
 */
final class DriverConnector implements ServerConnector {

    @Override
    public Connection open(ServerConfig server, String url, Duration timeout) throws SQLException {
        Properties properties = new Properties();
        server.credentials().user().ifPresent(user -> properties.setProperty("user", user));
        server.credentials().password().ifPresent(secret -> properties.setProperty("password", secret.reveal()));
        long seconds = Math.max(1, timeout.toSeconds());
        if (url.startsWith("jdbc:postgresql:")) {
            properties.setProperty("connectTimeout", Long.toString(seconds));
            properties.setProperty("loginTimeout", Long.toString(seconds));
            properties.setProperty("ApplicationName", "flotilla-survey");
        } else if (url.startsWith("jdbc:mysql:")) {
            properties.setProperty("connectTimeout", Long.toString(timeout.toMillis()));
        }
        return DriverManager.getConnection(url, properties);
    }
}
