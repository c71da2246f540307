package dev.flotilla.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The file as parsed, before its values are read: mappings, scalars (as text), and anything else, each
 * with its {@link Origin}. Environment overrides are written into it; nothing else changes it, and it
 * never leaves the loader.
 */
sealed interface Tree {

    Origin origin();

    /** What a message calls this node when it is not what was expected. */
    String describe();

    /** A scalar; {@code isNull} for an empty value, {@code ~} or {@code null}. */
    record Scalar(String text, boolean isNull, Origin origin) implements Tree {
        @Override
        public String describe() {
            return isNull ? "nothing" : "a value";
        }
    }

    /** A mapping of keys, in the file's order; the map is mutable only while overrides are applied. */
    record Mapping(Map<String, Entry> entries, Origin origin) implements Tree {
        Mapping(Origin origin) {
            this(new LinkedHashMap<>(), origin);
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** A list, or anything else the config has no use for. */
    record Other(String describe, Origin origin) implements Tree {
    }

    /** A key's own position and its value. */
    record Entry(Origin keyOrigin, Tree value) {
    }
}
