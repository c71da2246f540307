package dev.flotilla.engine.script.updown;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How the file names of an up/down folder are built: a regular expression that matches a whole file
 * name, with named groups {@code version} (digits), {@code name}, {@code direction} ({@code up} or
 * {@code down}) and, optionally, {@code dialect} (a file for one database only) and {@code autocommit}
 * (matched: the file runs outside a transaction). Immutable; two namings are equal when their patterns
 * are the same text with the same flags.
 */
public record UpDownNaming(Pattern pattern) {

    // before the presets: their construction reads it
    private static final List<String> REQUIRED = List.of("version", "name", "direction");

    /**
     * ory/popx, and golang-migrate names without dots in the name:
     * {@code <version>_<name>[.<dialect>][.autocommit].<up|down>.sql}, e.g.
     * {@code 20150100000001000000_networks.postgres.up.sql}.
     */
    public static final UpDownNaming POPX = of("(?<version>\\d+)_(?<name>[^.]+)"
            + "(?:\\.(?!autocommit\\.)(?<dialect>[a-z0-9]+))?(?<autocommit>\\.autocommit)?\\.(?<direction>up|down)\\.sql");

    /**
     * golang-migrate as it parses names: {@code <version>_<name>.<up|down>.sql} where the name may hold
     * dots; no dialect, no autocommit.
     */
    public static final UpDownNaming GOLANG_MIGRATE = of("(?<version>\\d+)_(?<name>.+)\\.(?<direction>up|down)\\.sql");

    /** authelia: {@code V<version>.<Name>.<up|down>.sql}, e.g. {@code V0001.Initial_Schema.up.sql}. */
    public static final UpDownNaming AUTHELIA = of("V(?<version>\\d+)\\.(?<name>[^.]+)\\.(?<direction>up|down)\\.sql");

    /** The presets, in the order detection tries them. */
    public static final List<UpDownNaming> PRESETS = List.of(POPX, AUTHELIA, GOLANG_MIGRATE);

    public UpDownNaming {
        Objects.requireNonNull(pattern, "pattern");
        List<String> missing = new ArrayList<>();
        for (String group : REQUIRED) {
            if (!hasGroup(pattern, group)) {
                missing.add(group);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("up/down naming pattern '" + pattern.pattern() + "' has no named group "
                    + String.join(", ", missing) + "; it needs (?<version>...), (?<name>...) and (?<direction>...),"
                    + " and may have (?<dialect>...) and (?<autocommit>...)");
        }
    }

    /** A naming from a regular expression; {@link IllegalArgumentException} when it does not compile. */
    public static UpDownNaming of(String regex) {
        try {
            return new UpDownNaming(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("up/down naming pattern '" + regex + "' is not a valid regular"
                    + " expression: " + e.getDescription());
        }
    }

    /**
     * True when a file name follows this naming: it matches, its version is digits, its direction up or
     * down, and its dialect (if any) one Flotilla knows. Format detection picks a preset with it.
     */
    public boolean fits(String fileName) {
        return UpDownName.parse(Path.of(fileName), this, new ArrayList<>()) != null;
    }

    /** True when the pattern has the group (required groups always are there). */
    boolean has(String group) {
        return hasGroup(pattern, group);
    }

    /** How a message describes the names this naming expects. */
    String expected() {
        if (equals(POPX)) {
            return "<version>_<name>[.<dialect>][.autocommit].<up|down>.sql, e.g. 0001_create_users.up.sql";
        }
        if (equals(AUTHELIA)) {
            return "V<version>.<Name>.<up|down>.sql, e.g. V0001.Initial_Schema.up.sql";
        }
        if (equals(GOLANG_MIGRATE)) {
            return "<version>_<name>.<up|down>.sql, e.g. 0001_create_users.up.sql";
        }
        return "a name matching " + pattern.pattern();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UpDownNaming that && pattern.pattern().equals(that.pattern.pattern())
                && pattern.flags() == that.pattern.flags();
    }

    @Override
    public int hashCode() {
        return Objects.hash(pattern.pattern(), pattern.flags());
    }

    @Override
    public String toString() {
        return "UpDownNaming[" + pattern.pattern() + "]";
    }

    private static boolean hasGroup(Pattern pattern, String group) {
        // Java 17 has no Pattern.namedGroups(); the group's opening is unambiguous text
        return pattern.pattern().contains("(?<" + group + ">");
    }
}
