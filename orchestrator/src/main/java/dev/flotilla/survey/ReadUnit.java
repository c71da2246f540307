package dev.flotilla.survey;

import dev.flotilla.config.ServerConfig;
import dev.flotilla.registry.Tenant;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One connection's worth of reading: the tenants read over it and the place each lives in there.
 * Immutable.
 *
 * @param server  the tenants' server
 * @param url     the URL to connect to, as the driver takes it; may hold a password: print {@code masked}
 * @param masked  the URL with its password masked, for messages
 * @param how     how the places are found on the connection
 * @param tenants the tenants, each read from the place at the same index
 * @param places  schema (schema-per-tenant) or database (MySQL database-per-tenant) names; empty for the
 *                other kinds, whose connection holds one tenant
 * @param file    the SQLite file, for {@link How#SQLITE_FILE}; null otherwise
 */
record ReadUnit(ServerConfig server, String url, String masked, How how, List<Tenant> tenants, List<String> places,
                Path file) {

    /** Where a unit's tenants are on its connection. */
    enum How {
        /** Each tenant in its named schema or database: many tenants over one connection. */
        NAMED_PLACES,
        /** One PostgreSQL database-per-tenant tenant, in the connection's current schema. */
        CURRENT_SCHEMA,
        /** One SQLite file, read only when it exists. */
        SQLITE_FILE
    }

    ReadUnit {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(masked, "masked");
        Objects.requireNonNull(how, "how");
        tenants = List.copyOf(tenants);
        places = List.copyOf(places);
        if (how == How.NAMED_PLACES ? places.size() != tenants.size() : tenants.size() != 1) {
            throw new IllegalArgumentException("a " + how + " unit of " + tenants.size() + " tenants with "
                    + places.size() + " places");
        }
        if ((how == How.SQLITE_FILE) != (file != null)) {
            throw new IllegalArgumentException("a SQLite unit needs its file, and only a SQLite unit has one");
        }
    }
}
