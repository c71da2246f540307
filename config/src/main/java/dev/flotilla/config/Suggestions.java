package dev.flotilla.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for a misspelt key, server or variable: the closest candidate within a few edits. */
final class Suggestions {

    private Suggestions() {
    }

    /** {@code "; did you mean 'x'?"} when a candidate is close to {@code found}, else {@code ""}. */
    static String didYouMean(String found, Collection<String> candidates) {
        return closest(found, candidates).map(match -> "; did you mean '" + match + "'?").orElse("");
    }

    /**
     * The candidate nearest to {@code found} by edit distance (case-insensitive), if it is near enough to
     * be a typo: at most 1 edit for short words, 2 from 5 letters, 3 from 12.
     */
    static Optional<String> closest(String found, Collection<String> candidates) {
        String lower = found.toLowerCase(Locale.ROOT);
        int allowed = found.length() < 5 ? 1 : found.length() < 12 ? 2 : 3;
        return candidates.stream()
                .filter(candidate -> !candidate.equals(found))
                .min(Comparator.comparingInt(candidate -> distance(lower, candidate.toLowerCase(Locale.ROOT))))
                .filter(candidate -> distance(lower, candidate.toLowerCase(Locale.ROOT)) <= allowed);
    }

    /** Levenshtein distance, with a transposition of neighbours counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
