package dev.flotilla.registry;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The database family behind a server, known from its URL prefix, and the names it can hold. The
 * registry checks schema and database names against these limits before anything connects; the
 * names are always quoted later by the engine's dialect, so any other character is allowed.
 */
public enum ServerKind {
    /** {@code jdbc:postgresql:}; names of at most 63 bytes in UTF-8 (NAMEDATALEN - 1). */
    POSTGRESQL(List.of("jdbc:postgresql:"), Set.of(Layout.SCHEMA_PER_TENANT, Layout.DATABASE_PER_TENANT)),
    /**
     * {@code jdbc:mysql:} or {@code jdbc:mariadb:}; names of at most 64 characters from the Basic
     * Multilingual Plane, not ending in a space.
     */
    MYSQL(List.of("jdbc:mysql:", "jdbc:mariadb:"), Set.of(Layout.DATABASE_PER_TENANT)),
    /** {@code jdbc:sqlite:}; one file per tenant. */
    SQLITE(List.of("jdbc:sqlite:"), Set.of(Layout.FILE_PER_TENANT));

    private final List<String> prefixes;
    private final Set<Layout> layouts;

    ServerKind(List<String> prefixes, Set<Layout> layouts) {
        this.prefixes = prefixes;
        this.layouts = layouts;
    }

    /** The kind whose prefix starts {@code url}; an unsupported URL is an error listing the prefixes. */
    public static ServerKind of(String url) {
        for (ServerKind kind : values()) {
            for (String prefix : kind.prefixes) {
                if (url.regionMatches(true, 0, prefix, 0, prefix.length())) {
                    return kind;
                }
            }
        }
        throw new RegistryException("URL must start with jdbc:postgresql:, jdbc:mysql:, jdbc:mariadb: or jdbc:sqlite:");
    }

    /** Whether a server of this kind can keep its tenants apart this way. */
    public boolean supports(Layout layout) {
        return layouts.contains(layout);
    }

    /**
     * Why this kind cannot hold {@code name} as a schema or database, or {@code null} if it can.
     * The reason names the limit and the actual length.
     */
    public String refusal(String name) {
        return switch (this) {
            case POSTGRESQL -> {
                if (name.length() <= 21) {
                    yield null; // at most 3 UTF-8 bytes per char (a surrogate pair: 4 for 2), so at most 63 bytes
                }
                int bytes = name.getBytes(StandardCharsets.UTF_8).length;
                yield bytes > 63 ? "is " + bytes + " bytes in UTF-8; PostgreSQL holds at most 63" : null;
            }
            case MYSQL -> mysqlRefusal(name);
            case SQLITE -> null;
        };
    }

    private static String mysqlRefusal(String name) {
        int length = name.codePointCount(0, name.length());
        if (length > 64) {
            return "is " + length + " characters; MySQL/MariaDB hold at most 64";
        }
        if (hasSurrogate(name)) {
            return "has a character beyond U+FFFF; MySQL/MariaDB identifiers hold only the Basic Multilingual Plane";
        }
        if (name.endsWith(" ")) {
            return "ends with a space, which MySQL/MariaDB do not allow in a database name";
        }
        return null;
    }

    /** Whether the name holds a character beyond U+FFFF, which Java keeps as a surrogate pair. */
    private static boolean hasSurrogate(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (Character.isSurrogate(name.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
