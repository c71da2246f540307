package dev.flotilla.engine.sql;

/**
 * PostgreSQL's lexical rules, as in {@code scan.l} and psql's {@code psqlscan.l}: nesting block comments,
 * {@code E'...'} escape strings, dollar quotes, and no psql meta-commands.
 */
final class PostgresLexer extends Lexer {

    PostgresLexer(String text) {
        super(text);
    }

    @Override
    int commentEnd(int i) {
        if (startsWith("--", i)) {
            return lineEnd(i);
        }
        if (startsWith("/*", i)) {
            return blockCommentEnd(i, true);
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
                return quoteEnd(i, '"', false, "quoted identifier");
            case 'E':
            case 'e':
                return charAt(i + 1) == '\'' ? quoteEnd(i + 1, '\'', true, "escape string E'...'") : -1;
            case '$':
                return dollarQuoteEnd(i);
            case '\\':
                if (atLineStart()) {
                    throw metaCommand(i);
                }
                return -1;
            default:
                return -1;
        }
    }

    /**
     * A number or a parameter ({@code $1}) ends at its last digit, where a name may begin; a name may
     * hold {@code $}. So in {@code 1$$;$$} the {@code $$} starts a dollar quote, and {@code $1BEGIN$$} is
     * {@code $1} followed by the name {@code BEGIN$$}.
     */
    @Override
    boolean continuesWord(char first, char c) {
        return first == '$' || (first >= '0' && first <= '9') ? c >= '0' && c <= '9' : isWordChar(c);
    }

    /** {@code $$...$$} or {@code $tag$...$tag$}; -1 for anything else, such as the parameter {@code $1}. */
    private int dollarQuoteEnd(int i) {
        int j = i + 1;
        if (isTagStart(charAt(j))) {
            j++;
            while (j < length && (isTagStart(text.charAt(j)) || (text.charAt(j) >= '0' && text.charAt(j) <= '9'))) {
                j++;
            }
        }
        if (charAt(j) != '$') {
            return -1;
        }
        String tag = text.substring(i, j + 1);
        int close = text.indexOf(tag, j + 1);
        if (close < 0) {
            throw unclosed(i, "dollar-quoted string opened here with " + tag + " is never closed; add the closing "
                    + tag);
        }
        return close + tag.length();
    }

    /** A dollar-quote tag starts like an unquoted name, and holds no {@code $}. */
    private static boolean isTagStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    private SqlSyntaxException metaCommand(int i) {
        int end = i + 1;
        while (end < length && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return new SqlSyntaxException(line(), "psql meta-command " + text.substring(i, end)
                + "; Flotilla runs SQL only: write it as SQL or leave it out");
    }
}
