package dev.flotilla.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

final class MySqlDialect implements ServerDialect {
    static final MySqlDialect INSTANCE = new MySqlDialect();

    /** MariaDB and MySQL both answer this for a thread that ended meanwhile. */
    private static final int UNKNOWN_THREAD = 1094;

    private MySqlDialect() {
    }

    @Override
    public ServerEndpoint localEndpoint() {
        return new ServerEndpoint(DatabaseKind.MYSQL, "127.0.0.1", 3306, "", "root", "", loopbackOptions());
    }

    /**
     * Test servers sit on loopback or in a local container: TLS buys nothing there, and without it
     * MySQL 8's caching_sha2_password needs the driver to fetch the server's public key.
     */
    static Map<String, String> loopbackOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("allowPublicKeyRetrieval", "true");
        options.put("sslMode", "DISABLED");
        return options;
    }

    @Override
    public Properties timeoutProperties(Duration timeout) {
        Properties properties = new Properties();
        String millis = Long.toString(timeout.toMillis());
        properties.setProperty("connectTimeout", millis);
        properties.setProperty("socketTimeout", millis);
        return properties;
    }

    @Override
    public void create(Connection admin, String database) throws SQLException {
        Jdbc.execute(admin, "CREATE DATABASE " + quote(database) + " CHARACTER SET utf8mb4");
    }

    @Override
    public void drop(Connection admin, String database) throws SQLException {
        // A session left in an open transaction would hold a metadata lock and make DROP wait for
        // lock_wait_timeout (a year by default); end such sessions first, as PostgreSQL's FORCE does.
        for (long id : sessionsUsing(admin, database)) {
            try {
                Jdbc.execute(admin, "KILL CONNECTION " + id);
            } catch (SQLException e) {
                if (e.getErrorCode() != UNKNOWN_THREAD) {
                    throw e;
                }
            }
        }
        Jdbc.execute(admin, "DROP DATABASE IF EXISTS " + quote(database));
    }

    @Override
    public List<String> list(Connection admin, String likePattern) throws SQLException {
        return Jdbc.query(admin, "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE ?",
                likePattern, row -> row.getString(1));
    }

    private static List<Long> sessionsUsing(Connection admin, String database) throws SQLException {
        return Jdbc.query(admin, "SELECT id FROM information_schema.processlist WHERE db = ? AND id <> CONNECTION_ID()",
                database, row -> row.getLong(1));
    }

    private static String quote(String database) {
        return '`' + DatabaseNames.requireSafe(database) + '`';
    }
}
