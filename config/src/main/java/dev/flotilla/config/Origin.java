package dev.flotilla.config;

/**
 * Where a key or value came from: a 1-based line and column of the file (0 when it has none), and the
 * {@code FLOTILLA_…} environment variable that set it, or null when the file did.
 */
record Origin(int line, int column, String variable) {

    static final Origin NOWHERE = new Origin(0, 0, null);

    Origin withVariable(String name) {
        return new Origin(line, column, name);
    }
}
