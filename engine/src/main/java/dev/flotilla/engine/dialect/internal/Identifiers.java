package dev.flotilla.engine.dialect.internal;

import java.nio.charset.StandardCharsets;

/** Quoting that the dialects share: the quote character doubled, and the checks every dialect makes. */
public final class Identifiers {

    private Identifiers() {
    }

    /** {@code identifier} between {@code quote} characters, each {@code quote} in it doubled. */
    public static String quote(String identifier, char quote) {
        requireUsable(identifier);
        String doubled = identifier.replace(String.valueOf(quote), String.valueOf(quote).repeat(2));
        return quote + doubled + quote;
    }

    /** Rejects null, empty and NUL-bearing names, which no dialect can store. */
    public static void requireUsable(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            throw new IllegalArgumentException("identifier must not be empty, was "
                    + (identifier == null ? "null" : "''"));
        }
        if (identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("identifier must not contain a NUL character: '"
                    + identifier.replace("\0", "\\0") + "'");
        }
    }

    /** The UTF-8 length, which is what PostgreSQL's 63-byte limit counts. */
    public static int utf8Bytes(String identifier) {
        return identifier.getBytes(StandardCharsets.UTF_8).length;
    }
}
