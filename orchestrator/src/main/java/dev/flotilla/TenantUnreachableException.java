package dev.flotilla;

import dev.flotilla.engine.EngineException;

/**
 * No connection to a tenant's server or file could be made: nothing was read or changed. Fleet runs count
 * it against the server's circuit breaker and may retry it. Exit code 1; the message holds no password.
 */
public class TenantUnreachableException extends EngineException {

    private final String tenant;
    private final String server;
    private final String sqlState;
    private final boolean databaseMissing;

    /** @param sqlState the driver's SQLSTATE for the failure, or null when it gave none */
    public TenantUnreachableException(String message, String tenant, String server, String sqlState) {
        this(message, tenant, server, sqlState, false);
    }

    /**
     * @param databaseMissing the server answered that the database the tenant's URL names does not exist
     */
    public TenantUnreachableException(String message, String tenant, String server, String sqlState,
                                      boolean databaseMissing) {
        super(message, 1, null);
        this.tenant = tenant;
        this.server = server;
        this.sqlState = sqlState;
        this.databaseMissing = databaseMissing;
    }

    /**
     * The server answered, and said that the tenant's database does not exist (PostgreSQL 3D000, MySQL and
     * MariaDB error 1049): the tenant is not provisioned yet rather than out of reach.
     */
    public boolean databaseMissing() {
        return databaseMissing;
    }

    /** The driver's SQLSTATE ({@code 08001}: could not connect; {@code 3D000}: no such database), or null. */
    public String sqlState() {
        return sqlState;
    }

    public String tenant() {
        return tenant;
    }

    public String server() {
        return server;
    }
}
