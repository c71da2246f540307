package dev.flotilla.config;

import java.util.List;
import java.util.Optional;

/**
 * The kind of database a server runs, recognised from its JDBC URL. The layouts each kind supports are
 * {@link #layouts()}; the first is the default.
 */
public enum DatabaseKind {
    /** {@code jdbc:postgresql:} */
    POSTGRESQL("PostgreSQL", List.of("jdbc:postgresql:"), List.of(Layout.SCHEMA_PER_TENANT, Layout.DATABASE_PER_TENANT)),
    /** {@code jdbc:mysql:} and {@code jdbc:mariadb:}: MySQL and MariaDB, where a schema is a database */
    MYSQL("MySQL/MariaDB", List.of("jdbc:mysql:", "jdbc:mariadb:"), List.of(Layout.DATABASE_PER_TENANT)),
    /** {@code jdbc:sqlite:}: one file per tenant */
    SQLITE("SQLite", List.of("jdbc:sqlite:"), List.of(Layout.FILE_PER_TENANT));

    /** Every URL prefix Flotilla accepts, in the order messages list them. */
    public static final List<String> URL_PREFIXES =
            List.of("jdbc:postgresql:", "jdbc:mysql:", "jdbc:mariadb:", "jdbc:sqlite:");

    private final String displayName;
    private final List<String> prefixes;
    private final List<Layout> layouts;

    DatabaseKind(String displayName, List<String> prefixes, List<Layout> layouts) {
        this.displayName = displayName;
        this.prefixes = prefixes;
        this.layouts = layouts;
    }

    /** The kind whose prefix starts {@code url} (case-sensitive, as the drivers are), if any. */
    public static Optional<DatabaseKind> fromUrl(String url) {
        for (DatabaseKind kind : values()) {
            if (kind.prefixes.stream().anyMatch(url::startsWith)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The name people use: {@code PostgreSQL}, {@code MySQL/MariaDB}, {@code SQLite}. */
    public String displayName() {
        return displayName;
    }

    /** The layouts this kind supports, the default first. */
    public List<Layout> layouts() {
        return layouts;
    }

    /** The layout a server of this kind has when its config names none. */
    public Layout defaultLayout() {
        return layouts.get(0);
    }
}
