package dev.flotilla.config;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The bounds of every value, in one place: the records' constructors and the loader both call these, so
 * a bound and its message are written once. Each method throws {@link InvalidValue} naming the key.
 */
final class Require {

    /** What the engine accepts as a table name (PostgreSQL's 63-byte limit is the tightest). */
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final Pattern SERVER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");

    private Require() {
    }

    static int atLeast(String key, int value, int min) {
        if (value < min) {
            throw new InvalidValue(key, "expected an integer of at least " + min + ", found " + value);
        }
        return value;
    }

    static Duration notNegative(String key, Duration value) {
        Objects.requireNonNull(value, key);
        if (value.isNegative()) {
            throw new InvalidValue(key, "expected a duration of 0 or more, found " + value);
        }
        return value;
    }

    static String notBlank(String key, String value) {
        Objects.requireNonNull(value, key);
        if (value.isBlank()) {
            throw new InvalidValue(key, "expected a value, found an empty string");
        }
        return value;
    }

    static String tableName(String key, String value) {
        Objects.requireNonNull(value, key);
        if (!TABLE_NAME.matcher(value).matches()) {
            throw new InvalidValue(key, "expected a table name (a letter or _, then letters, digits or _;"
                    + " at most 63), found '" + value + "'");
        }
        return value;
    }

    static String serverName(String key, String value) {
        Objects.requireNonNull(value, key);
        if (!SERVER_NAME.matcher(value).matches()) {
            throw new InvalidValue(key, "expected a server name (letters, digits, _ or -, starting with a"
                    + " letter or digit; at most 63), found '" + value + "'");
        }
        return value;
    }
}
