package dev.flotilla.engine.sql;

/**
 * MySQL's and MariaDB's lexical rules, as the server and the mysql client read them: backslash escapes
 * in both kinds of string, {@code #} comments, {@code --} comments only before a blank or control
 * character, flat block comments, executable comments kept as code, and {@code DELIMITER} lines.
 */
final class MySqlLexer extends Lexer {

    MySqlLexer(String text) {
        super(text);
    }

    @Override
    int commentEnd(int i) {
        char c = text.charAt(i);
        if (c == '#') {
            return lineEnd(i);
        }
        if (c == '-' && startsWith("--", i)) {
            char after = charAt(i + 2);
            // "--x" is minus minus x; the past-the-end '\0' counts as a control character, as in the server
            return after <= ' ' || after == 0x7F ? lineEnd(i) : -1;
        }
        if (c == '/' && startsWith("/*", i) && !isExecutableComment(i)) {
            return blockCommentEnd(i, false);
        }
        return -1;
    }

    @Override
    int quotedEnd(int i) {
        char c = text.charAt(i);
        if (c == '\'' || c == '"') {
            return quoteEnd(i, c, true, "string literal");
        }
        if (c == '`') {
            return quoteEnd(i, '`', false, "quoted identifier");
        }
        if (isExecutableComment(i)) {
            return executableCommentEnd(i);
        }
        return -1;
    }

    /** {@code /*!...*}{@code /} (MySQL and MariaDB) or {@code /*M!...*}{@code /} (MariaDB only). */
    private boolean isExecutableComment(int i) {
        return startsWith("/*!", i) || startsWith("/*M!", i);
    }

    /**
     * The server reads an executable comment's inside as code, so strings in it are strings; a
     * {@code ;} in it does not end the statement (the mysql client would split there, which no
     * server could then run).
     */
    private int executableCommentEnd(int i) {
        int j = text.charAt(i + 2) == 'M' ? i + 4 : i + 3;
        while (j < length) {
            char c = text.charAt(j);
            if (c == '\'' || c == '"') {
                j = quoteEnd(j, c, true, "string literal");
            } else if (c == '`') {
                j = quoteEnd(j, '`', false, "quoted identifier");
            } else if (c == '*' && charAt(j + 1) == '/') {
                return j + 2;
            } else {
                j++;
            }
        }
        throw unclosed(i, "executable comment opened here is never closed; add */");
    }

    /**
     * A {@code DELIMITER xx} line, recognised as the mysql client does: the first word on its line,
     * case-insensitive, outside any statement. It sets the delimiter until the next one; the rest of the
     * line is ignored and the line itself is no statement.
     */
    @Override
    boolean clientCommand() {
        if (!atLineStart() || !wordIs("DELIMITER")) {
            return false;
        }
        int lineEnd = lineEnd(end());
        int i = end();
        if (i < lineEnd && text.charAt(i) != ' ' && text.charAt(i) != '\t') {
            return false;
        }
        while (i < lineEnd && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        String value = argument(i, lineEnd);
        if (value.isEmpty()) {
            throw new SqlSyntaxException(line(), "DELIMITER needs the new delimiter after it on the same line, "
                    + "for example DELIMITER // (and DELIMITER ; to go back)");
        }
        if (value.indexOf('\\') >= 0) {
            throw new SqlSyntaxException(line(), "DELIMITER " + value
                    + " contains a backslash, which the mysql client does not allow; choose another, such as //");
        }
        delimiter(value);
        moveTo(lineEnd);
        return true;
    }

    /** The first argument on the line: up to a blank, or inside quotes. */
    private String argument(int i, int lineEnd) {
        char quote = charAt(i);
        if (i < lineEnd && (quote == '\'' || quote == '"' || quote == '`')) {
            int close = text.indexOf(quote, i + 1);
            if (close > i && close < lineEnd) {
                return text.substring(i + 1, close);
            }
        }
        int j = i;
        while (j < lineEnd && text.charAt(j) != ' ' && text.charAt(j) != '\t') {
            j++;
        }
        return text.substring(i, j);
    }
}
