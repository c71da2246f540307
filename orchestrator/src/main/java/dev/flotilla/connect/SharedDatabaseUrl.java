package dev.flotilla.connect;

import java.util.Locale;
import java.util.Optional;

/**
 * A MySQL/MariaDB tenant URL split into the server's URL without a database, which the server's
 * database-per-tenant tenants share one pool on, and the database a borrowed connection is then put on.
 *
 * <p>Only a plain single-host Connector/J URL whose template names the tenant in its database alone is
 * split. Multi-host, load-balanced and replication URLs keep a pool per tenant, because the driver
 * re-applies the database it connected to after a failover, not one set later. So do URLs that ask the
 * driver to create the database it connects to, and {@code paranoid} ones, on which Connector/J does not
 * reset a connection's session (see {@link MySqlHandOver}).
 */
record SharedDatabaseUrl(String serverUrl, String database) {

    SharedDatabaseUrl {
        if (database.isEmpty()) {
            throw new IllegalArgumentException("a shared database URL needs a database");
        }
    }

    /**
     * {@code driverUrl} (a tenant's rendered URL, see {@link TenantConnections#driverUrl}) split, when its
     * server's URL {@code template} lets the server's tenants share a pool.
     */
    static Optional<SharedDatabaseUrl> of(String template, String driverUrl) {
        String prefix = "jdbc:mysql://";
        if (!driverUrl.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return Optional.empty();
        }
        String lower = driverUrl.toLowerCase(Locale.ROOT);
        if (lower.contains("createdatabaseifnotexist") || lower.contains("paranoid")) {
            return Optional.empty();
        }
        int hostEnd = indexOfAny(driverUrl, prefix.length(), "/?");
        String hosts = driverUrl.substring(prefix.length(), hostEnd);
        if (hosts.contains(",") || hosts.contains("(") || hostEnd == driverUrl.length() || driverUrl.charAt(hostEnd) != '/') {
            return Optional.empty();
        }
        int databaseEnd = indexOfAny(driverUrl, hostEnd + 1, "?");
        String database = driverUrl.substring(hostEnd + 1, databaseEnd);
        if (database.isEmpty() || database.contains("%") || AdminUrls.withoutDatabase(template).contains("${tenant.")) {
            return Optional.empty();
        }
        return Optional.of(new SharedDatabaseUrl(AdminUrls.withoutDatabase(driverUrl), database));
    }

    private static int indexOfAny(String text, int from, String characters) {
        for (int i = from; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }
}
