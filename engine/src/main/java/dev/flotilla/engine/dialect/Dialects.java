package dev.flotilla.engine.dialect;

import dev.flotilla.engine.EngineException;
import dev.flotilla.engine.dialect.mysql.MySqlDialect;
import dev.flotilla.engine.dialect.postgresql.PostgresDialect;
import dev.flotilla.engine.dialect.sqlite.SqliteDialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Picks the dialect for a JDBC URL or a connection. */
public final class Dialects {

    private static final Dialect POSTGRESQL = new PostgresDialect();
    private static final Dialect MYSQL = new MySqlDialect();
    private static final Dialect SQLITE = new SqliteDialect();

    /** URL prefixes in the order they are tried. */
    private static final List<Map.Entry<String, Dialect>> BY_PREFIX = List.of(
            Map.entry("jdbc:postgresql:", POSTGRESQL),
            Map.entry("jdbc:mysql:", MYSQL),
            Map.entry("jdbc:mariadb:", MYSQL),
            Map.entry("jdbc:sqlite:", SQLITE));

    private Dialects() {
    }

    /** Every dialect, in a fixed order. */
    public static List<Dialect> all() {
        return List.of(POSTGRESQL, MYSQL, SQLITE);
    }

    /** The dialect for a JDBC URL; an {@link EngineException} naming the accepted prefixes otherwise. */
    public static Dialect forUrl(String jdbcUrl) {
        for (Map.Entry<String, Dialect> entry : BY_PREFIX) {
            if (jdbcUrl.regionMatches(true, 0, entry.getKey(), 0, entry.getKey().length())) {
                return entry.getValue();
            }
        }
        throw new EngineException("Unsupported database URL '" + redact(jdbcUrl) + "'; it must start with one of "
                + BY_PREFIX.stream().map(Map.Entry::getKey).toList());
    }

    /** The dialect of a live connection, from its URL. */
    public static Dialect of(Connection connection) throws SQLException {
        return forUrl(connection.getMetaData().getURL());
    }

    /** The dialect by its name ({@code postgresql}, {@code mysql}, {@code mariadb}, {@code sqlite}). */
    public static Dialect named(String name) {
        return switch (name) {
            case "postgresql" -> POSTGRESQL;
            case "mysql", "mariadb" -> MYSQL;
            case "sqlite" -> SQLITE;
            default -> throw new EngineException("Unknown dialect '" + name
                    + "'; expected postgresql, mysql, mariadb or sqlite");
        };
    }

    /** A URL without the places drivers let a password be given: its query and user-info parts. */
    static String redact(String url) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query) + "?<masked>";
        return base.replaceAll("//([^/@:]*):[^/@]*@", "//$1:<masked>@");
    }
}
