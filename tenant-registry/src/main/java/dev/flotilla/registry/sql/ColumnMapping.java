package dev.flotilla.registry.sql;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which result columns of a registry query hold which tenant fields. Immutable and thread-safe.
 *
 * <p>{@link #byName()} takes the columns labelled {@code id}, {@code server}, {@code database},
 * {@code schema}, {@code tags} and {@code state} (any case, so {@code SELECT schema_name AS schema}
 * works); only {@code id} must be there. {@link #map} names a column for a field explicitly, and an
 * explicitly mapped column that the result lacks is an error listing the result's columns. Every other
 * column becomes an attribute named by its lower-case label. Without a server column (or where it is
 * NULL) tenants get {@link #defaultServer}, typically the control database's own server.
 */
public final class ColumnMapping {

    /** The tenant fields a column can hold. */
    public enum Field {
        ID, SERVER, DATABASE, SCHEMA, TAGS, STATE;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<Field, String> explicit;
    private final String defaultServer;

    private ColumnMapping(Map<Field, String> explicit, String defaultServer) {
        this.explicit = Collections.unmodifiableMap(explicit);
        this.defaultServer = defaultServer;
    }

    /** Columns found by their labels. */
    public static ColumnMapping byName() {
        return new ColumnMapping(new EnumMap<>(Field.class), null);
    }

    /** This mapping with {@code field} read from {@code column}, which the result must have. */
    public ColumnMapping map(Field field, String column) {
        Objects.requireNonNull(column, "column");
        Map<Field, String> copy = new EnumMap<>(Field.class);
        copy.putAll(explicit);
        copy.put(field, column);
        return new ColumnMapping(copy, defaultServer);
    }

    /** This mapping with tenants that have no server column, or NULL there, on {@code server}. */
    public ColumnMapping withDefaultServer(String server) {
        Map<Field, String> copy = new EnumMap<>(Field.class);
        copy.putAll(explicit);
        return new ColumnMapping(copy, server);
    }

    /** The explicitly mapped columns. */
    public Map<Field, String> explicit() {
        return explicit;
    }

    /** The server for tenants without one, or {@code null}. */
    public String defaultServer() {
        return defaultServer;
    }

    /** The column for a field: the explicit one, or the field's own name. */
    String column(Field field) {
        return explicit.getOrDefault(field, field.label());
    }

    boolean isExplicit(Field field) {
        return explicit.containsKey(field);
    }

    @Override
    public String toString() {
        return "ColumnMapping[explicit=" + explicit + ", defaultServer=" + defaultServer + "]";
    }
}
