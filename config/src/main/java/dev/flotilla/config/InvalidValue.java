package dev.flotilla.config;

/**
 * A value a record's constructor rejects. Carries the key (as spelled in {@code flotilla.yaml}, relative
 * to the record: {@code pool_size}, {@code registry.sql.server}) apart from the sentence, so that the
 * loader can point at the key's line; callers of the records see an {@link IllegalArgumentException}
 * whose message starts with the key.
 */
final class InvalidValue extends IllegalArgumentException {

    private final String key;
    private final String detail;

    InvalidValue(String key, String detail) {
        super(key + ": " + detail);
        this.key = key;
        this.detail = detail;
    }

    /** The key at fault, relative to the record that threw. */
    String key() {
        return key;
    }

    /** What was found and what is expected, without the key. */
    String detail() {
        return detail;
    }
}
