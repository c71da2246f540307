package dev.flotilla.engine.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file-name slug of a message, by Alembic's rule: the runs of word characters joined by '_',
 * lower-cased; when longer than 40 characters, cut to 40, the partial last word dropped, and '_'
 * appended ({@code slug[:40].rsplit("_", 1)[0] + "_"}).
 */
final class Slug {

    static final int MAX_LENGTH = 40;

    /** Python 3's {@code \w} on str is Unicode-aware; so is this. */
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    private Slug() {
    }

    static String of(String message) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(message);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        String slug = String.join("_", words).toLowerCase(Locale.ROOT);
        // Python counts code points, not UTF-16 units.
        if (slug.codePointCount(0, slug.length()) <= MAX_LENGTH) {
            return slug;
        }
        String cut = slug.substring(0, slug.offsetByCodePoints(0, MAX_LENGTH));
        int lastUnderscore = cut.lastIndexOf('_');
        return (lastUnderscore < 0 ? cut : cut.substring(0, lastUnderscore)) + "_";
    }
}
