package dev.flotilla.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How names and characters are shown in messages: quoted, with control characters escaped, so that a
 * hostile name can neither hide in nor forge a log line. Stateless.
 */
public final class Names {

    private Names() {
    }

    /** {@code 'acme'}; control characters shown as {@code \u0007}, a quote as {@code \'}. */
    public static String quote(String name) {
        StringBuilder text = new StringBuilder(name.length() + 2).append('\'');
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                text.append(String.format("\\u%04X", c));
            } else if (c == '\'' || c == '\\') {
                text.append('\\').appendCodePoint(c);
            } else {
                text.appendCodePoint(c);
            }
        });
        return text.append('\'').toString();
    }

    /** {@code ';' (U+003B)}, or {@code U+0000} alone for control characters. */
    public static String describe(int codePoint) {
        String hex = String.format("U+%04X", codePoint);
        if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)) {
            return codePoint == ' ' ? "a space (U+0020)" : hex;
        }
        return "'" + new String(Character.toChars(codePoint)) + "' (" + hex + ")";
    }

    /**
     * Up to five of {@code known} that look like {@code wanted}, closest first: those within two edits
     * (ignoring case), or starting with or containing it. For "did you mean" lines.
     */
    public static List<String> nearest(String wanted, Iterable<String> known) {
        String target = wanted.toLowerCase(Locale.ROOT);
        record Scored(String name, int score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (String name : known) {
            String candidate = name.toLowerCase(Locale.ROOT);
            int distance = Math.abs(candidate.length() - target.length()) > 2 ? 3 : distance(target, candidate);
            if (distance <= 2) {
                scored.add(new Scored(name, distance));
            } else if (target.length() >= 3 && (candidate.startsWith(target) || candidate.contains(target))) {
                scored.add(new Scored(name, 3));
            }
        }
        return scored.stream().sorted(Comparator.comparingInt(Scored::score)).limit(5).map(Scored::name).toList();
    }

    /** {@code ; did you mean 'acme', 'acne'?} or the empty string. */
    public static String didYouMean(String wanted, Iterable<String> known) {
        List<String> near = nearest(wanted, known);
        return near.isEmpty() ? "" : "; did you mean " + String.join(", ", near.stream().map(Names::quote).toList()) + "?";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
