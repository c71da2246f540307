package dev.flotilla.registry;

/** How a server keeps its tenants apart. */
public enum Layout {
    /** One database, one schema per tenant (PostgreSQL): every tenant names a schema. */
    SCHEMA_PER_TENANT,
    /** One database per tenant (PostgreSQL, MySQL/MariaDB): every tenant names a database. */
    DATABASE_PER_TENANT,
    /** One file per tenant (SQLite): the URL template names the file, usually from {@code ${tenant.id}}. */
    FILE_PER_TENANT
}
