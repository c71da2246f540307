package dev.flotilla;

import dev.flotilla.engine.EngineException;

/**
 * No connection to a tenant's server or file could be made: nothing was read or changed. Fleet runs count
 * it against the server's circuit breaker and may retry it. Exit code 1; the message holds no password.
 */
public class TenantUnreachableException extends EngineException {

    private final String tenant;
    private final String server;

    public TenantUnreachableException(String message, String tenant, String server) {
        super(message, 1, null);
        this.tenant = tenant;
        this.server = server;
    }

    public String tenant() {
        return tenant;
    }

    public String server() {
        return server;
    }
}
