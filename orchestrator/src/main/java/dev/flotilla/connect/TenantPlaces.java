package dev.flotilla.connect;

import dev.flotilla.engine.dialect.Dialects;
import dev.flotilla.registry.Layout;
import dev.flotilla.registry.Tenant;
import dev.flotilla.registry.template.JdbcUrl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the place a tenant lives in when it is missing: its schema (PostgreSQL schema-per-tenant), its
 * database (database-per-tenant) or its SQLite file's folder. Names are always quoted by the engine's
 * dialect, never concatenated raw. Running it twice changes nothing the second time.
 */
public final class TenantPlaces {

    private final TenantConnections connections;

    public TenantPlaces(TenantConnections connections) {
        this.connections = connections;
    }

    /**
     * Creates the tenant's schema, database or folder if missing.
     *
     * @return what was done, for a report line: e.g. {@code created schema "tenant_acme"} or
     *         {@code schema "tenant_acme" exists}
     */
    public String create(Tenant tenant, Layout layout, JdbcUrl url) throws SQLException {
        return switch (layout) {
            case SCHEMA_PER_TENANT -> createSchema(tenant, url);
            case DATABASE_PER_TENANT -> createDatabase(tenant, url);
            case FILE_PER_TENANT -> createFolder(url);
        };
    }

    private String createSchema(Tenant tenant, JdbcUrl url) throws SQLException {
        String quoted = Dialects.forUrl(TenantConnections.driverUrl(url.value())).sql().quote(tenant.schema());
        try (Connection connection = connections.connect(tenant, url)) {
            boolean existed = exists(connection, "SELECT 1 FROM pg_namespace WHERE nspname = ?", tenant.schema());
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + quoted);
            }
            return (existed ? "schema " + quoted + " exists" : "created schema " + quoted);
        }
    }

    private String createDatabase(Tenant tenant, JdbcUrl url) throws SQLException {
        String driverUrl = TenantConnections.driverUrl(url.value());
        String quoted = Dialects.forUrl(driverUrl).sql().quote(tenant.database());
        boolean postgres = driverUrl.startsWith("jdbc:postgresql:");
        try (Connection connection = connections.connectAdmin(tenant.server(), AdminUrls.withoutDatabase(url.value()))) {
            boolean existed = exists(connection, postgres ? "SELECT 1 FROM pg_database WHERE datname = ?"
                    : "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?", tenant.database());
            if (!existed) {
                try (Statement statement = connection.createStatement()) {
                    // PostgreSQL has no CREATE DATABASE IF NOT EXISTS; the check above stands in for it.
                    statement.execute("CREATE DATABASE " + (postgres ? "" : "IF NOT EXISTS ") + quoted);
                }
            }
            return existed ? "database " + quoted + " exists" : "created database " + quoted;
        }
    }

    private static String createFolder(JdbcUrl url) {
        Path file = TenantConnections.sqliteFile(url).orElseThrow(() ->
                new IllegalArgumentException("expected a SQLite URL naming a file, found " + url.masked()));
        Path folder = file.toAbsolutePath().getParent();
        boolean existed = Files.isRegularFile(file);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder " + folder + ": " + e.getMessage(), e);
        }
        return existed ? "file " + file + " exists" : "will create file " + file;
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }
}
