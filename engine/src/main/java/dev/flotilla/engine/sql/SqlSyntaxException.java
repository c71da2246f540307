package dev.flotilla.engine.sql;

import dev.flotilla.engine.EngineException;

/**
 * SQL text that cannot be split into statements: a string, quoted identifier, dollar quote or comment
 * that is never closed, a routine or trigger body that never ends, a PostgreSQL parenthesis never
 * closed, a psql meta-command, or a malformed
 * MySQL {@code DELIMITER} line. The message reads {@code line N: reason}; callers that know the file
 * combine {@link #line()} (relative to the text given to the splitter) and {@link #reason()} into
 * {@code path:line: reason}.
 */
public class SqlSyntaxException extends EngineException {

    private final int line;
    private final String reason;

    SqlSyntaxException(int line, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
        this.reason = reason;
    }

    /** The 1-based line, within the split text, where the offending construct starts. */
    public int line() {
        return line;
    }

    /** What is wrong and how to fix it, without the line. */
    public String reason() {
        return reason;
    }
}
