package dev.flotilla.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A credential: a password, or anything read from a {@code ${file:…}} secret file. It never prints
 * itself: {@link #toString()} is {@value #MASK}, and the value is reachable only through
 * {@link #reveal()}, which is meant for the JDBC driver and nothing else. Immutable and thread-safe.
 */
public final class Secret {

    /** What a secret prints as, everywhere. */
    public static final String MASK = "<masked>";

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** @param value the secret text, never null (it may be empty: some local databases have no password) */
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The secret text. Call it only to hand the value to a driver; never log or print the result. */
    public String reveal() {
        return value;
    }

    /** {@code text} with every occurrence of this secret replaced by {@value #MASK}; null stays null. */
    public String scrub(String text) {
        return text == null || value.isEmpty() ? text : text.replace(value, MASK);
    }

    /** Equal when the values are equal; compared in constant time. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), secret.value.getBytes(StandardCharsets.UTF_8));
    }

    /** Constant, so that a hash never says anything about the value. */
    @Override
    public int hashCode() {
        return 0x5ec7e7;
    }

    @Override
    public String toString() {
        return MASK;
    }
}
