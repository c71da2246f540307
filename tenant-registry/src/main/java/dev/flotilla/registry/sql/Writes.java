package dev.flotilla.registry.sql;

import dev.flotilla.registry.Tenant;
import dev.flotilla.registry.TenantState;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * How a {@link SqlRegistry} adds a tenant and records a state: with statements given
 * ({@link StatementWrites}) or with statements made for a table ({@link TableWrites}). The registry opens,
 * commits and closes the connection and translates failures; implementations only run statements.
 */
interface Writes {

    /** Whether tenants can be added; {@link #insert} is not called otherwise. */
    boolean inserts();

    /** Whether states can be recorded; {@link #updateState} is not called otherwise. */
    boolean updatesState();

    /** Adds the tenant; a tenant the target cannot hold is a {@link dev.flotilla.registry.RegistryException}. */
    void insert(Connection connection, Tenant tenant) throws SQLException;

    /** Sets the state of the tenant with this id; returns the number of rows changed. */
    int updateState(Connection connection, String id, TenantState state) throws SQLException;

    /** Tags as one text value: joined with {@code ;}, or null for none. */
    static String joinedTags(Tenant tenant) {
        return tenant.tags().isEmpty() ? null : String.join(";", tenant.tags());
    }
}
