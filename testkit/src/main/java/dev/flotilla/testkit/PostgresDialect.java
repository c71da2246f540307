package dev.flotilla.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

final class PostgresDialect implements ServerDialect {
    static final PostgresDialect INSTANCE = new PostgresDialect();

    private PostgresDialect() {
    }

    @Override
    public ServerEndpoint localEndpoint() {
        return new ServerEndpoint(DatabaseKind.POSTGRESQL, "127.0.0.1", 5432, "postgres", "postgres", "", Map.of());
    }

    @Override
    public Properties timeoutProperties(Duration timeout) {
        Properties properties = new Properties();
        String seconds = Long.toString(Math.max(1, timeout.toSeconds()));
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("loginTimeout", seconds);
        return properties;
    }

    @Override
    public void create(Connection admin, String database) throws SQLException {
        // template0 with an explicit encoding: the server's default may be SQL_ASCII.
        Jdbc.execute(admin, "CREATE DATABASE " + quote(database) + " TEMPLATE template0 ENCODING 'UTF8'");
    }

    @Override
    public void drop(Connection admin, String database) throws SQLException {
        if (admin.getMetaData().getDatabaseMajorVersion() >= 13) {
            Jdbc.execute(admin, "DROP DATABASE IF EXISTS " + quote(database) + " WITH (FORCE)");
            return;
        }
        Jdbc.query(admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE datname = ? AND pid <> pg_backend_pid()", database, row -> row.getBoolean(1));
        Jdbc.execute(admin, "DROP DATABASE IF EXISTS " + quote(database));
    }

    @Override
    public List<String> list(Connection admin, String likePattern) throws SQLException {
        return Jdbc.query(admin, "SELECT datname FROM pg_database WHERE datname LIKE ?", likePattern,
                row -> row.getString(1));
    }

    private static String quote(String database) {
        return '"' + DatabaseNames.requireSafe(database) + '"';
    }
}
