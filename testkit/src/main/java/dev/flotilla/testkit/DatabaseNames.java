package dev.flotilla.testkit;

import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names test databases {@code ft_<epochSeconds>_<8 hex digits>}: the epoch lets a later run tell a
 * crashed run's leftovers from a concurrent run's fresh databases, the random part keeps concurrent
 * runs apart. Thread-safe if the random generator is.
 */
final class DatabaseNames {

    /** Every name the test kit creates, and names others build on it, start like this. */
    static final String LIKE_PATTERN = "ft\\_%";

    private static final Pattern CREATED_AT = Pattern.compile("ft_(\\d{1,18})_.*");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_]{1,63}");

    private final Clock clock;
    private final RandomGenerator random;

    DatabaseNames(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    String next() {
        return "ft_" + clock.instant().getEpochSecond() + "_" + HexFormat.of().toHexDigits(random.nextInt());
    }

    /** When a database named by this scheme was created; empty for any other name. */
    static Optional<Instant> createdAt(String name) {
        Matcher matcher = CREATED_AT.matcher(name);
        return matcher.matches() ? Optional.of(Instant.ofEpochSecond(Long.parseLong(matcher.group(1)))) : Optional.empty();
    }

    /** Names are spliced into DDL, so only letters, digits and underscores get through. */
    static String requireSafe(String name) {
        if (!SAFE.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "database name must be 1 to 63 letters, digits or underscores, was '" + name + "'");
        }
        return name;
    }
}
