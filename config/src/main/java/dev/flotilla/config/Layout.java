package dev.flotilla.config;

import java.util.Arrays;
import java.util.Optional;

/** Where a server keeps each tenant: its own schema, its own database, or its own SQLite file. */
public enum Layout {
    SCHEMA_PER_TENANT("schema-per-tenant"),
    DATABASE_PER_TENANT("database-per-tenant"),
    FILE_PER_TENANT("file-per-tenant");

    private final String key;

    Layout(String key) {
        this.key = key;
    }

    /** The spelling in {@code flotilla.yaml}, e.g. {@code schema-per-tenant}. */
    public String key() {
        return key;
    }

    /** The layout spelled {@code key} in {@code flotilla.yaml}, if any. */
    public static Optional<Layout> fromKey(String key) {
        return Arrays.stream(values()).filter(layout -> layout.key.equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return key;
    }
}
