package dev.flotilla.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Where a test server listens and how the test kit logs in to it as an administrator.
 *
 * @param adminDatabase the database admin connections open ({@code ""} for none, as on MySQL)
 * @param options       JDBC URL parameters other than credentials, kept in order
 */
record ServerEndpoint(
        DatabaseKind kind, String host, int port, String adminDatabase, String user, String password,
        Map<String, String> options) {

    ServerEndpoint {
        Objects.requireNonNull(kind, "kind");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
        Objects.requireNonNull(adminDatabase, "adminDatabase");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /**
     * Reads an admin URL such as {@code jdbc:postgresql://db:5432/postgres?user=a&password=b} or
     * {@code jdbc:mysql://root:pw@db:3306/?useSSL=false}. Missing parts take the kind's local
     * defaults. Messages never repeat the URL, which may hold a password.
     */
    static ServerEndpoint fromJdbcUrl(DatabaseKind kind, String jdbcUrl) {
        String prefix = "jdbc:" + kind.jdbcSubprotocol() + "://";
        if (!jdbcUrl.startsWith(prefix)) {
            throw new IllegalArgumentException("must start with '" + prefix + "'");
        }
        URI uri = parseUri(jdbcUrl.substring("jdbc:".length()));
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("must name exactly one host, as in " + prefix + "host:port/");
        }
        ServerEndpoint local = ServerDialect.of(kind).localEndpoint();
        Map<String, String> query = parseQuery(uri.getRawQuery());
        String[] userInfo = uri.getRawUserInfo() == null ? new String[0] : uri.getRawUserInfo().split(":", 2);
        String user = firstNonNull(query.remove("user"), decodedPart(userInfo, 0), local.user());
        String password = firstNonNull(query.remove("password"), decodedPart(userInfo, 1), "");
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new ServerEndpoint(kind, uri.getHost(), uri.getPort() == -1 ? local.port() : uri.getPort(),
                path.isEmpty() ? local.adminDatabase() : path, user, password, query);
    }

    /** A URL for {@code database} on this server, without credentials. */
    String jdbcUrl(String database) {
        String query = options.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), UTF_8) + "=" + URLEncoder.encode(e.getValue(), UTF_8))
                .collect(Collectors.joining("&"));
        return "jdbc:" + kind.jdbcSubprotocol() + "://" + host + ":" + port + "/" + database
                + (query.isEmpty() ? "" : "?" + query);
    }

    /** Opens an admin connection; {@code extra} adds driver properties such as timeouts. */
    Connection connectAdmin(Properties extra) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(extra);
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection(jdbcUrl(adminDatabase), properties);
    }

    Connection connectAdmin() throws SQLException {
        return connectAdmin(new Properties());
    }

    /** Throws unless an admin connection opens and answers a query within about {@code timeout}. */
    void verify(Duration timeout) throws SQLException {
        try (Connection admin = connectAdmin(ServerDialect.of(kind).timeoutProperties(timeout));
                Statement statement = admin.createStatement()) {
            statement.execute("SELECT 1");
        }
    }

    /** The value a test sees for database {@code name} on this server. */
    TestDatabase testDatabase(String name) {
        return new TestDatabase(kind, name, jdbcUrl(name), jdbcUrl(adminDatabase), user, password);
    }

    /** For messages: {@code 127.0.0.1:5432 as postgres}. */
    String describe() {
        return host + ":" + port + " as " + user;
    }

    @Override
    public String toString() {
        return "ServerEndpoint[kind=" + kind + ", " + describe() + ", adminDatabase=" + adminDatabase
                + ", options=" + options + ", password=<masked>]";
    }

    private static URI parseUri(String uri) {
        try {
            return new URI(uri);
        } catch (URISyntaxException e) {
            // e.getMessage() would quote the input, password and all.
            throw new IllegalArgumentException("is not a valid URL: " + e.getReason() + " at index "
                    + (e.getIndex() + "jdbc:".length()), null);
        }
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                String[] keyValue = pair.split("=", 2);
                query.put(decode(keyValue[0]), keyValue.length == 2 ? decode(keyValue[1]) : "");
            }
        }
        return query;
    }

    private static String decodedPart(String[] parts, int index) {
        return parts.length > index ? decode(parts[index]) : null;
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw, UTF_8);
    }

    private static String firstNonNull(String first, String second, String fallback) {
        return first != null ? first : second != null ? second : fallback;
    }
}
