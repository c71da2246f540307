package dev.flotilla.connect;

import java.util.Locale;

/**
 * The URL of a tenant's server without the tenant's database, for creating that database: MySQL's
 * {@code jdbc:mysql://h:3306/acme?x} becomes {@code jdbc:mysql://h:3306/?x}, PostgreSQL's database is
 * replaced by the maintenance database {@code postgres}. Stateless.
 */
public final class AdminUrls {

    private AdminUrls() {
    }

    public static String withoutDatabase(String url) {
        int hostStart = url.indexOf("//");
        if (hostStart < 0) {
            throw new IllegalArgumentException("expected a URL with //host, found a URL without one");
        }
        int pathStart = url.indexOf('/', hostStart + 2);
        int query = url.indexOf('?', hostStart + 2);
        String rest = query < 0 ? "" : url.substring(query);
        String base = pathStart < 0 || (query >= 0 && query < pathStart)
                ? url.substring(0, query < 0 ? url.length() : query) : url.substring(0, pathStart);
        boolean postgres = url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
        return base + "/" + (postgres ? "postgres" : "") + rest;
    }
}
