package dev.flotilla.registry.select;

/**
 * An id pattern with {@code *} (any run of characters, also none) and {@code ?} (one character), matched
 * against the whole id, case-sensitive. Matched by hand rather than as a regex: a selection tests every
 * id of the fleet, and a regex matcher per id was most of what selecting allocated. Immutable.
 */
final class Glob {

    private final String pattern;

    private Glob(String pattern) {
        this.pattern = pattern;
    }

    static boolean isGlob(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    static Glob compile(String glob) {
        return new Glob(glob);
    }

    /**
     * Whether the whole {@code id} matches. Greedy with one backtrack point, the last {@code *}: linear for
     * the usual patterns, at worst the product of the lengths.
     */
    boolean matches(String id) {
        int p = 0;
        int i = 0;
        int star = -1;
        int resume = 0;
        while (i < id.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == id.charAt(i))
                    && pattern.charAt(p) != '*') {
                p++;
                i++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = i;
            } else if (star >= 0) {
                p = star + 1;
                i = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
