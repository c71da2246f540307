package dev.flotilla.config;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** What the config does with JDBC URL text: masks credentials for messages, places SQLite files. */
final class JdbcUrls {

    private static final String SQLITE = "jdbc:sqlite:";
    /** {@code //user:password@host}: the password part. */
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:]*:)[^/@]*@");
    /** {@code password=…} up to the next parameter separator, as PostgreSQL, MySQL and MariaDB take it. */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");

    private JdbcUrls() {
    }

    /** {@code url} with any password in it replaced by {@value Secret#MASK}. */
    static String mask(String url) {
        String masked = USER_INFO.matcher(url).replaceAll("$1" + Secret.MASK + "@");
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1" + Secret.MASK);
    }

    /**
     * A SQLite URL whose file path is relative made relative to {@code folder} (the config's folder)
     * instead of the process's working directory; other URLs, in-memory databases, {@code file:} URIs
     * and absolute paths unchanged.
     */
    static String placeSqliteFile(String url, Path folder) {
        if (!url.startsWith(SQLITE)) {
            return url;
        }
        String file = url.substring(SQLITE.length());
        if (file.isEmpty() || file.startsWith(":") || file.startsWith("file:") || file.startsWith("${")
                || Path.of(file.replace("${", "x").replace("}", "x")).isAbsolute()) {
            return url;
        }
        return SQLITE + folder.resolve(file).normalize();
    }
}
