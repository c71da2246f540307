package dev.flotilla.registry;

import java.util.Objects;

/**
 * Where a tenant was read from: a file and line, or a query and row.
 *
 * @param source a file path or a description such as {@code "query on control database"}
 * @param line   1-based line (or row) number; 0 when unknown
 */
public record Origin(String source, int line) {

    public Origin {
        Objects.requireNonNull(source, "source");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 or more, was " + line);
        }
    }

    /** {@code tenants.yaml:12}, or just the source when the line is unknown. */
    @Override
    public String toString() {
        return line == 0 ? source : source + ":" + line;
    }
}
