package dev.flotilla.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code --url} as the drivers get it and as messages show it. Immutable.
 *
 * <ul>
 *   <li>{@code jdbc:mariadb:} is rewritten to {@code jdbc:mysql:}: the MariaDB dialect is the MySQL one, and
 *       MySQL Connector/J (on the classpath) speaks to MariaDB; the MariaDB driver is not shipped.</li>
 *   <li>A relative SQLite path is resolved against the working directory, as every other path on the command
 *       line is (the driver would resolve it against the JVM's).</li>
 *   <li>{@link #display()} masks every password the URL carries: the user-info part ({@code //user:pw@}) and
 *       any parameter whose name contains {@code password}. {@link #secrets()} are those values, so that a
 *       driver message quoting them can be scrubbed.</li>
 * </ul>
 *
 * @param jdbc       what the driver is given
 * @param display    for messages: no password
 * @param sqliteFile the database file of a SQLite URL naming one (not {@code :memory:} nor a {@code file:}
 *                   URI)
 * @param secrets    the passwords written in the URL
 */
record DatabaseUrl(String jdbc, String display, Optional<Path> sqliteFile, List<Secret> secrets) {

    static final String EXPECTED = "jdbc:postgresql://HOST[:PORT]/DATABASE, jdbc:mysql://HOST[:PORT]/DATABASE,"
            + " jdbc:mariadb://HOST[:PORT]/DATABASE or jdbc:sqlite:FILE";

    private static final String SQLITE = "jdbc:sqlite:";
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/@:?]*):([^/@?]*)@");
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([?&;][a-z0-9_.-]*password[a-z0-9_.-]*=)([^&;]*)");

    DatabaseUrl {
        secrets = List.copyOf(secrets);
    }

    /** Parses {@code raw}; an {@link InputException} (exit 2) for a URL no supported driver takes. */
    static DatabaseUrl parse(String raw, Path workingDirectory) {
        String url = raw.strip();
        String display = mask(url);
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:mariadb:")) {
            url = "jdbc:mysql:" + url.substring("jdbc:mariadb:".length());
        } else if (!lower.startsWith("jdbc:postgresql:") && !lower.startsWith("jdbc:mysql:")
                && !lower.startsWith(SQLITE)) {
            throw new InputException("'" + display + "' is not a database URL Flotilla can open; expected "
                    + EXPECTED);
        }
        Optional<Path> file = Optional.empty();
        if (lower.startsWith(SQLITE)) {
            file = sqliteFile(url.substring(SQLITE.length()), workingDirectory);
            if (file.isPresent()) {
                int query = url.indexOf('?');
                url = SQLITE + file.get() + (query < 0 ? "" : url.substring(query));
                display = mask(url);
            }
        }
        return new DatabaseUrl(url, display, file, secretsOf(url));
    }

    /** {@code text} with every password of this URL masked. */
    String scrub(String text) {
        String scrubbed = text;
        for (Secret secret : secrets) {
            scrubbed = secret.scrub(scrubbed);
        }
        return scrubbed;
    }

    boolean isSqlite() {
        return jdbc.startsWith(SQLITE);
    }

    boolean isPostgres() {
        return jdbc.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return display;
    }

    private static Optional<Path> sqliteFile(String rest, Path workingDirectory) {
        int query = rest.indexOf('?');
        String path = query < 0 ? rest : rest.substring(0, query);
        if (path.isEmpty() || path.startsWith(":") || path.startsWith("file:")) {
            return Optional.empty();
        }
        return Optional.of(workingDirectory.resolve(path).normalize());
    }

    static String mask(String url) {
        String masked = USER_INFO_PASSWORD.matcher(url).replaceAll("$1:" + Matcher.quoteReplacement(Secret.MASK) + "@");
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(Secret.MASK));
    }

    private static List<Secret> secretsOf(String url) {
        List<Secret> secrets = new ArrayList<>();
        Matcher userInfo = USER_INFO_PASSWORD.matcher(url);
        while (userInfo.find()) {
            secrets.add(new Secret(userInfo.group(2)));
        }
        Matcher parameter = PASSWORD_PARAMETER.matcher(url);
        while (parameter.find()) {
            secrets.add(new Secret(parameter.group(2)));
        }
        return secrets;
    }
}
