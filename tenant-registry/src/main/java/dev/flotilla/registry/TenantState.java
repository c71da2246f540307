package dev.flotilla.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A tenant's lifecycle. Only {@link #ACTIVE} tenants are migrated unless a selection asks for others.
 * Written in lower case in registries ({@code active}, {@code provisioning}, ...).
 */
public enum TenantState {
    /** In service: migrated by default. */
    ACTIVE,
    /** Being created; a provision that fails leaves the tenant here, never active. */
    PROVISIONING,
    /** Kept but not served; skipped unless asked for. */
    SUSPENDED,
    /** Kept for the record only; skipped unless asked for. */
    ARCHIVED;

    /** The name as written in registries: {@code active}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a label, ignoring case; an unknown one is an error listing the valid labels. */
    public static TenantState parse(String text) {
        // The labels as written, without a lower-case copy per comparison: registries hold many tenants.
        switch (text) {
            case "active":
                return ACTIVE;
            case "provisioning":
                return PROVISIONING;
            case "suspended":
                return SUSPENDED;
            case "archived":
                return ARCHIVED;
            default:
                break;
        }
        for (TenantState state : values()) {
            if (state.label().equalsIgnoreCase(text.strip())) {
                return state;
            }
        }
        throw new RegistryException("unknown state " + Names.quote(text) + "; expected one of " + labels());
    }

    /** {@code active, provisioning, suspended, archived}. */
    public static String labels() {
        return Arrays.stream(values()).map(TenantState::label).collect(Collectors.joining(", "));
    }
}
