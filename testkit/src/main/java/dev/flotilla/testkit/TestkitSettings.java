package dev.flotilla.testkit;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The test kit's settings, read from the environment in this one place.
 *
 * @param servers           admin endpoints given by {@code FLOTILLA_TEST_PG_URL} and
 *                          {@code FLOTILLA_TEST_MYSQL_URL}; a kind without an entry was not set
 * @param requireDatabases  {@code FLOTILLA_TEST_REQUIRE_DATABASES}: fail instead of skipping
 *                          when a server cannot be had
 */
record TestkitSettings(Map<DatabaseKind, ServerEndpoint> servers, boolean requireDatabases) {

    static final String REQUIRE_VARIABLE = "FLOTILLA_TEST_REQUIRE_DATABASES";

    TestkitSettings {
        servers = Map.copyOf(servers);
    }

    /** Reads {@code env} (normally {@link System#getenv()}); blank values count as unset. */
    static TestkitSettings fromEnvironment(Map<String, String> env) {
        Map<DatabaseKind, ServerEndpoint> servers = new EnumMap<>(DatabaseKind.class);
        for (DatabaseKind kind : DatabaseKind.values()) {
            String url = env.getOrDefault(kind.urlVariable(), "").strip();
            if (!url.isEmpty()) {
                servers.put(kind, parseUrl(kind, url));
            }
        }
        return new TestkitSettings(servers, parseRequire(env.getOrDefault(REQUIRE_VARIABLE, "").strip()));
    }

    Optional<ServerEndpoint> server(DatabaseKind kind) {
        return Optional.ofNullable(servers.get(kind));
    }

    private static ServerEndpoint parseUrl(DatabaseKind kind, String url) {
        try {
            return ServerEndpoint.fromJdbcUrl(kind, url);
        } catch (IllegalArgumentException e) {
            throw new TestDatabaseException(kind.urlVariable() + " " + e.getMessage()
                    + " (expected e.g. " + example(kind) + ")");
        }
    }

    private static String example(DatabaseKind kind) {
        return switch (kind) {
            case POSTGRESQL -> "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&password=secret";
            case MYSQL -> "jdbc:mysql://127.0.0.1:3306/?user=root&password=secret";
        };
    }

    private static boolean parseRequire(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "", "false" -> false;
            case "true" -> true;
            default -> throw new TestDatabaseException(
                    REQUIRE_VARIABLE + " must be 'true' or 'false' (or unset), was '" + value + "'");
        };
    }
}
