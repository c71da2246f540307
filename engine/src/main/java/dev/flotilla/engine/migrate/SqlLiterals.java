package dev.flotilla.engine.migrate;

import dev.flotilla.engine.dialect.Dialect;

/** String literals for offline scripts, where values cannot be bound as parameters. */
final class SqlLiterals {

    private SqlLiterals() {
    }

    /**
     * {@code value} as a quoted literal: single quotes doubled everywhere, and backslashes doubled on MySQL,
     * whose default SQL mode reads them as escapes.
     */
    static String string(Dialect dialect, String value) {
        String escaped = value.replace("'", "''");
        if (dialect.name().equals("mysql")) {
            escaped = escaped.replace("\\", "\\\\");
        }
        return "'" + escaped + "'";
    }
}
