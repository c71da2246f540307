package dev.flotilla.cli;

import java.util.Objects;

/**
 * A password. Never prints itself: {@link #toString()} is {@code <masked>}; {@link #reveal()} is for the
 * driver only. Immutable.
 */
record Secret(String value) {

    static final String MASK = "<masked>";

    Secret {
        Objects.requireNonNull(value, "value");
    }

    String reveal() {
        return value;
    }

    /** {@code text} with every occurrence of this secret replaced by {@link #MASK}. */
    String scrub(String text) {
        return text == null || value.isEmpty() ? text : text.replace(value, MASK);
    }

    @Override
    public String toString() {
        return MASK;
    }
}
