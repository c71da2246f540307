package dev.flotilla.registry;

/**
 * A source that {@code provision --register} can add tenants to and change states in. Writes are not
 * safe against a second writer at the same time: one provisioning process per registry.
 */
public interface WritableRegistry extends RegistrySource {

    /**
     * Adds a tenant at the end of the registry.
     *
     * @throws RegistryException if a tenant with that id (in any case) is already there, or the write fails
     */
    void register(Tenant tenant);

    /**
     * Changes one tenant's state, leaving the rest of the source as it was.
     *
     * @throws RegistryException if no tenant has that id, or the write fails
     */
    void setState(String id, TenantState state);
}
