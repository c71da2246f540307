package dev.flotilla.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a duration option: a whole number with a unit ({@code 500ms}, {@code 30s}, {@code 5m},
 * {@code 1h}), {@code 0} for no limit, or ISO-8601 ({@code PT30S}). picocli prefixes the error with the
 * option's name, so a bad value is a usage error (exit 2) that names the flag.
 */
final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher matcher = AMOUNT.matcher(text);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        if (text.startsWith("pt")) {
            try {
                Duration parsed = Duration.parse(text);
                if (!parsed.isNegative()) {
                    return parsed;
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new TypeConversionException("'" + value + "' is not a duration; use a whole number with a unit"
                + " (500ms, 30s, 5m, 1h), or 0 for no limit");
    }
}
