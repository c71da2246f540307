package dev.flotilla.engine.revision;

/**
 * A {@code FROM:TO} range, as offline {@code --sql} runs and {@code history -r} take it. Either end may be
 * null (left out): the caller decides what an open end means ({@code base}, {@code heads}, or the
 * database's current revisions).
 */
public record RevisionRange(String from, String to) {

    public RevisionRange {
        from = blankToNull(from);
        to = blankToNull(to);
    }

    /** Splits on the one colon; refuses text without exactly one. */
    public static RevisionRange parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new RevisionException("Range '" + text
                    + "' needs the form FROM:TO ([start]:[end], [start]: or :[end]).");
        }
        if (text.indexOf(':', colon + 1) >= 0) {
            throw new RevisionException("Range '" + text + "' has more than one ':'; use FROM:TO.");
        }
        return new RevisionRange(text.substring(0, colon).strip(), text.substring(colon + 1).strip());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
