package dev.flotilla.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One database server tenants live on ({@code servers.<name>} in {@code flotilla.yaml}). Immutable;
 * the constructor rejects out-of-range values with an {@link IllegalArgumentException} naming the key.
 *
 * @param name           the server's name, which tenants refer to: letters, digits, {@code _}, {@code -}
 * @param url            a JDBC URL template: {@code ${tenant.<field>}} and {@code ${server.<field>}}
 *                       placeholders are left in it for the tenant registry to fill; a relative SQLite
 *                       path has already been placed in the config's folder. Starts with one of
 *                       {@link DatabaseKind#URL_PREFIXES}. May hold a password only if the config put
 *                       one there; print it through the registry's masking, never raw
 * @param credentials    user and password, never null ({@link Credentials#NONE})
 * @param poolSize       connections per pool, at least 1
 * @param maxConcurrency tenants migrated on this server at once, at least 1 and at most {@code poolSize}
 * @param layout         where each tenant lives; one of {@link DatabaseKind#layouts()} for the URL's kind,
 *                       and {@link Layout#FILE_PER_TENANT} needs a {@code ${tenant.…}} in the URL
 * @param properties     values for {@code ${server.<name>}} in the URL (e.g. {@code host}), in the file's
 *                       order; names are letters, digits and {@code _}, not starting with a digit, and not
 *                       {@code name} ({@code ${server.name}} is the server's name). The tenant
 *                       registry refuses a {@code ${server.…}} without its property. Never null
 */
public record ServerConfig(String name, String url, Credentials credentials, int poolSize, int maxConcurrency,
                           Layout layout, Map<String, String> properties) {

    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Connections per pool when the config names no {@code pool_size} (HikariCP's own default). */
    public static final int DEFAULT_POOL_SIZE = 10;

    public ServerConfig {
        Require.serverName("name", name);
        DatabaseKind kind = kindOf(url);
        Objects.requireNonNull(credentials, "credentials");
        Require.atLeast("pool_size", poolSize, 1);
        Require.atLeast("max_concurrency", maxConcurrency, 1);
        if (maxConcurrency > poolSize) {
            throw new InvalidValue("max_concurrency", "expected at most pool_size (" + poolSize
                    + "), found " + maxConcurrency + ": each tenant in flight holds a connection");
        }
        Objects.requireNonNull(layout, "layout");
        requireLayout(kind, layout);
        if (layout == Layout.FILE_PER_TENANT && !url.contains("${tenant.")) {
            throw new InvalidValue("url", "expected a ${tenant.…} placeholder in a file-per-tenant URL"
                    + " (e.g. jdbc:sqlite:data/${tenant.id}.db), found '" + JdbcUrls.mask(url)
                    + "': every tenant would share one file");
        }
        properties = copyOf(properties);
    }

    /** A server without properties. */
    public ServerConfig(String name, String url, Credentials credentials, int poolSize, int maxConcurrency, Layout layout) {
        this(name, url, credentials, poolSize, maxConcurrency, layout, Map.of());
    }

    /** Why {@code name} cannot name a property, if it cannot. */
    static Optional<String> propertyNameProblem(String name) {
        if (!PROPERTY.matcher(name).matches() || name.equals("name")) {
            return Optional.of("expected a property name of letters, digits and _ (not starting with a digit) other"
                    + " than 'name', found '" + name + "'");
        }
        return Optional.empty();
    }

    private static Map<String, String> copyOf(Map<String, String> properties) {
        Objects.requireNonNull(properties, "properties");
        properties.forEach((key, value) -> {
            propertyNameProblem(key).ifPresent(problem -> {
                throw new InvalidValue("properties." + key, problem);
            });
            Objects.requireNonNull(value, () -> "properties." + key);
        });
        return Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The kind of database, from the URL's prefix. */
    public DatabaseKind kind() {
        return kindOf(url);
    }

    static DatabaseKind kindOf(String url) {
        Require.notBlank("url", url);
        return DatabaseKind.fromUrl(url).orElseThrow(() -> new InvalidValue("url",
                "expected a JDBC URL starting with " + String.join(", ", DatabaseKind.URL_PREFIXES.subList(0, 3))
                        + " or " + DatabaseKind.URL_PREFIXES.get(3) + ", found '" + JdbcUrls.mask(url) + "'"));
    }

    static void requireLayout(DatabaseKind kind, Layout layout) {
        if (!kind.layouts().contains(layout)) {
            throw new InvalidValue("layout", "expected " + kind.layouts().stream().map(Layout::key)
                    .collect(Collectors.joining(" or ")) + " for a " + kind.displayName() + " server, found "
                    + layout.key());
        }
    }
}
