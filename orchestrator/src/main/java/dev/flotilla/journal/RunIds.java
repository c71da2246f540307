package dev.flotilla.journal;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.random.RandomGenerator;

/**
 * Run ids: {@code 20261126-032633-7f3a}, the UTC start to the second (so ids sort by time and say when)
 * and four random hex digits (so two orchestrators started in the same second differ). Ids name journal
 * files, so only letters, digits, {@code .}, {@code _} and {@code -} are accepted. Stateless.
 */
public final class RunIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private RunIds() {
    }

    /** A new id for a run starting now. */
    public static String next(Clock clock, RandomGenerator random) {
        return TIME.format(clock.instant()) + "-" + HexFormat.of().toHexDigits((short) random.nextInt(1 << 16));
    }

    /** Returns {@code id} if it can be a run id, else says why not. */
    public static String requireValid(String id) {
        if (id == null || !VALID.matcher(id).matches()) {
            throw new IllegalArgumentException("a run id is 1 to 100 letters, digits, '.', '_' or '-', starting "
                    + "with a letter or digit, found " + (id == null ? "none" : "'" + id + "'"));
        }
        return id;
    }
}
