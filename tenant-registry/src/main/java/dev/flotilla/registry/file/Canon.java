package dev.flotilla.registry.file;

import java.util.HashMap;
import java.util.Map;

/**
 * One instance of each repeated value (server names, tags, attribute values) among the entries of one
 * file, so that 100,000 tenants on four servers hold four server names rather than 100,000 copies: the
 * registry stays small and the collector has less to copy while a large file is read. Bounded, so that
 * values that never repeat cost little. One per read; not thread-safe.
 */
final class Canon {

    private static final int LIMIT = 4096;

    private final Map<String, String> values = new HashMap<>();

    /** The first equal value seen, or {@code value} itself; null stays null. */
    String of(String value) {
        if (value == null) {
            return null;
        }
        String known = values.get(value);
        if (known != null) {
            return known;
        }
        if (values.size() < LIMIT) {
            values.put(value, value);
        }
        return value;
    }
}
