package dev.flotilla.registry;

import java.util.Objects;

/**
 * One thing wrong with a registry.
 *
 * @param origin   where the tenant (or the line) came from
 * @param tenantId the tenant concerned as written, or {@code null} when no id could be read
 * @param message  what is wrong and what is expected, without the origin
 */
public record Problem(Origin origin, String tenantId, String message) {

    public Problem {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(message, "message");
    }

    /** {@code tenants.yaml:12: tenant 'acme': unknown server 'pg2'; known servers: pg1, my1}. */
    @Override
    public String toString() {
        return origin + ": " + (tenantId == null ? "" : "tenant " + Names.quote(tenantId) + ": ") + message;
    }
}
