package dev.flotilla.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers from a scalar's text to integers, durations and layouts; each failure says what it expects. */
final class Values {

    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,9}");
    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private Values() {
    }

    static Section.Parser<Integer> integer(String key, int min) {
        return text -> {
            if (!INTEGER.matcher(text.strip()).matches()) {
                throw new InvalidValue(key, "expected an integer of at least " + min + ", found '" + text + "'");
            }
            return Require.atLeast(key, Integer.parseInt(text.strip()), min);
        };
    }

    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 0}, or ISO-8601 ({@code PT1M30S}), as the CLI takes them. */
    static Section.Parser<Duration> duration(String key) {
        return text -> {
            String value = text.strip().toLowerCase(Locale.ROOT);
            if (value.equals("0")) {
                return Duration.ZERO;
            }
            Matcher matcher = AMOUNT.matcher(value);
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                return switch (matcher.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            }
            if (value.startsWith("pt")) {
                try {
                    return Require.notNegative(key, Duration.parse(value));
                } catch (DateTimeParseException e) {
                    // reported below
                }
            }
            String hint = value.matches("\\d{1,9}") ? " (a number needs a unit: " + value + "s?)" : "";
            throw new InvalidValue(key, "expected " + Schema.DURATION + ", found '" + text + "'" + hint);
        };
    }

    static Section.Parser<Layout> layout(String key) {
        return text -> Layout.fromKey(text.strip()).orElseThrow(() -> new InvalidValue(key,
                "expected schema-per-tenant, database-per-tenant or file-per-tenant, found '" + text + "'"
                        + Suggestions.didYouMean(text.strip(), java.util.Arrays.stream(Layout.values())
                        .map(Layout::key).toList())));
    }
}
