package dev.flotilla.engine.sql;

import java.util.Objects;

/**
 * One statement of a script, ready to be executed on its own. Immutable and thread-safe.
 *
 * <p>Named {@code SqlStatement}, not {@code Statement}, so that code executing it through JDBC does not
 * have to spell out {@link java.sql.Statement}.
 *
 * @param text the statement as written: from its first to its last token of code, without the
 *             delimiter that ended it; comments and line breaks between those tokens are kept verbatim.
 *             Never blank.
 * @param line the 1-based line of the split text on which the statement's first token stands
 */
public record SqlStatement(String text, int line) {

    public SqlStatement {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("text must not be blank (statement at line " + line + ")");
        }
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more, not " + line);
        }
    }
}
