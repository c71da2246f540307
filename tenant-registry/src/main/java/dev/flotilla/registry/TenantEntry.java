package dev.flotilla.registry;

import java.util.Objects;

/** A tenant with the place it was read from, so that problems can point at it. */
public record TenantEntry(Tenant tenant, Origin origin) {

    public TenantEntry {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(origin, "origin");
    }
}
