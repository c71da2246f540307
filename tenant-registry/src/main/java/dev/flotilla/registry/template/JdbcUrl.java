package dev.flotilla.registry.template;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A rendered JDBC URL. {@link #toString()} is {@link #masked()}, so a URL that lands in a log line,
 * an exception or a report never shows a password; call {@link #value()} only to connect.
 *
 * @param value the URL itself, possibly holding credentials
 */
public record JdbcUrl(String value) {

    private static final Pattern USER_INFO = Pattern.compile("(//[^/@?#;]*?:)[^/@?#;]*@");
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "([?&;][^=&;?#/]*(?i:password|passwd|pwd|secret|token)[^=&;?#/]*=)[^&;#]*");

    public JdbcUrl {
        Objects.requireNonNull(value, "value");
    }

    /** The URL with the password of {@code user:pass@} and of {@code password=} parameters replaced. */
    public String masked() {
        return mask(value);
    }

    @Override
    public String toString() {
        return masked();
    }

    /**
     * Masks credentials in any URL text: the password in {@code //user:pass@host} and the value of
     * every parameter whose name holds {@code password}, {@code passwd}, {@code pwd}, {@code secret}
     * or {@code token} (any case), separated by {@code ?}, {@code &} or {@code ;}.
     */
    public static String mask(String url) {
        String withoutUserInfo = USER_INFO.matcher(url).replaceAll("$1<masked>@");
        return SECRET_PARAMETER.matcher(withoutUserInfo).replaceAll("$1<masked>");
    }
}
