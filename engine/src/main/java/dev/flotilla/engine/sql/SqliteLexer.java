package dev.flotilla.engine.sql;

/**
 * SQLite's lexical rules, as in {@code tokenize.c}: four ways to quote, none with backslash escapes,
 * {@code --} and flat block comments.
 */
final class SqliteLexer extends Lexer {

    SqliteLexer(String text) {
        super(text);
    }

    @Override
    int commentEnd(int i) {
        if (startsWith("--", i)) {
            return lineEnd(i);
        }
        if (startsWith("/*", i)) {
            return blockCommentEnd(i, false);
        }
        return -1;
    }

    @Override
    int quotedEnd(int i) {
        char c = text.charAt(i);
        switch (c) {
            case '\'':
                return quoteEnd(i, '\'', false, "string literal");
            case '"':
            case '`':
                return quoteEnd(i, c, false, "quoted identifier");
            case '[':
                // no escape: the first ']' ends it
                int close = text.indexOf(']', i + 1);
                if (close < 0) {
                    throw unclosed(i, "bracketed identifier opened here is never closed; add the closing ]");
                }
                return close + 1;
            default:
                return -1;
        }
    }
}
