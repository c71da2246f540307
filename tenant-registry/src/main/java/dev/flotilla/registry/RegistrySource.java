package dev.flotilla.registry;

import java.util.List;

/**
 * Where tenants come from: a file, a query on a control database, or discovery on a server.
 * Implementations hold no connection between calls; each {@link #load()} reads afresh.
 */
public interface RegistrySource {

    /** What to call this source in messages: a file path, or e.g. {@code query on control database}. */
    String description();

    /**
     * Reads every tenant, in the source's order, each with its origin. Problems found while reading
     * (syntax, a bad id, an unknown key) are collected and thrown together.
     *
     * @throws RegistryValidationException listing every problem found while reading
     * @throws RegistryException           if the source cannot be read at all
     */
    List<TenantEntry> load();
}
