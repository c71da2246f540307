package dev.flotilla.engine.sql;

import java.util.Locale;

/**
 * Walks SQL text one token at a time, skipping blanks and comments and counting lines. The rules shared
 * by every dialect live here; a subclass says what its quotes and comments look like. One pass, never
 * looking back, so splitting is linear in the length of the text.
 *
 * <p>Mutable and single-use: one lexer per split, confined to one thread.
 */
abstract class Lexer {

    final String text;
    final int length;
    private int pos;
    private int line = 1;
    private boolean lineStart = true;
    private String delimiter = ";";

    private int start;
    private int end;
    private int tokenLine;
    private boolean tokenAtLineStart;

    Lexer(String text) {
        this.text = text;
        this.length = text.length();
    }

    /** Moves to the next token and says what it is. */
    final Token next() {
        skipBlanksAndComments();
        start = pos;
        tokenLine = line;
        tokenAtLineStart = lineStart;
        if (pos >= length) {
            end = pos;
            return Token.END_OF_INPUT;
        }
        lineStart = false;
        Token token = scan();
        end = pos;
        return token;
    }

    private Token scan() {
        if (delimiterAt(pos)) {
            pos += delimiter.length();
            return Token.DELIMITER;
        }
        int quotedEnd = quotedEnd(pos);
        if (quotedEnd >= 0) {
            moveTo(quotedEnd);
            return Token.QUOTED;
        }
        char first = text.charAt(pos);
        if (isWordChar(first)) {
            int i = pos + 1;
            while (i < length && continuesWord(first, text.charAt(i)) && !delimiterAt(i)) {
                i++;
            }
            pos = i;
            return Token.WORD;
        }
        pos++;
        return Token.SYMBOL;
    }

    private void skipBlanksAndComments() {
        while (pos < length) {
            char c = text.charAt(pos);
            if (c == '\n' || c == '\r') {
                moveTo(pos + 1);
                lineStart = true;
            } else if (c == ' ' || c == '\t' || c == '\f' || c == 0x0B) {
                pos++;
            } else {
                int commentEnd = commentEnd(pos);
                if (commentEnd < 0) {
                    return;
                }
                moveTo(commentEnd);
                lineStart = false;
            }
        }
    }

    /** Advances to {@code to}, counting LF, CRLF and a lone CR as one line break each. */
    final void moveTo(int to) {
        for (int i = pos; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= length || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        pos = to;
    }

    // ---- what a dialect decides -------------------------------------------------------------------

    /** If a comment starts at {@code i}, the index just after it; otherwise -1. */
    abstract int commentEnd(int i);

    /** If a string, quoted identifier or other opaque token starts at {@code i}, the index just after it; otherwise -1. */
    abstract int quotedEnd(int i);

    /** Whether {@code c} continues a word that began with {@code first}. */
    boolean continuesWord(char first, char c) {
        return isWordChar(c);
    }

    /**
     * Called for a word that would start a statement: true when it was a client command (a MySQL
     * {@code DELIMITER} line), which the lexer has then consumed.
     */
    boolean clientCommand() {
        return false;
    }

    // ---- the current token ------------------------------------------------------------------------

    final int start() {
        return start;
    }

    final int end() {
        return end;
    }

    /** The line on which the current token starts. */
    final int line() {
        return tokenLine;
    }

    /** True when only blanks precede the current token on its line. */
    final boolean atLineStart() {
        return tokenAtLineStart;
    }

    /** True when the current token is the word {@code upperCase}, in any case. */
    final boolean wordIs(String upperCase) {
        return end - start == upperCase.length() && text.regionMatches(true, start, upperCase, 0, upperCase.length());
    }

    /** The current word in upper case. */
    final String upperWord() {
        return text.substring(start, end).toUpperCase(Locale.ROOT);
    }

    /** The character of the current symbol token. */
    final char symbol() {
        return text.charAt(start);
    }

    /** True while a MySQL {@code DELIMITER} line has set a delimiter other than {@code ;}. */
    final boolean customDelimiter() {
        return !";".equals(delimiter);
    }

    final void delimiter(String newDelimiter) {
        delimiter = newDelimiter;
    }

    // ---- helpers for the dialects -----------------------------------------------------------------

    private boolean delimiterAt(int i) {
        return text.charAt(i) == delimiter.charAt(0) && text.startsWith(delimiter, i);
    }

    /** Letters, digits, {@code _}, {@code $} and everything outside ASCII, as in unquoted names. */
    static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '$' || c >= 0x80;
    }

    final boolean startsWith(String prefix, int i) {
        return text.startsWith(prefix, i);
    }

    final char charAt(int i) {
        return i < length ? text.charAt(i) : '\0';
    }

    /** The index of the line break that ends the line holding {@code i}, or the text's length. */
    final int lineEnd(int i) {
        while (i < length && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    /**
     * The index just after a quoted token whose opening character is at {@code i} and which ends at
     * {@code close}; a doubled {@code close} stands for itself, and with {@code backslash} a backslash
     * escapes the next character.
     */
    final int quoteEnd(int i, char close, boolean backslash, String what) {
        int j = i + 1;
        while (j < length) {
            char c = text.charAt(j);
            if (backslash && c == '\\') {
                j += 2;
            } else if (c != close) {
                j++;
            } else if (j + 1 < length && text.charAt(j + 1) == close) {
                j += 2;
            } else {
                return j + 1;
            }
        }
        throw unclosed(i, what + " opened here is never closed; add the closing " + close);
    }

    /** The index just after a block comment starting at {@code i}; with {@code nested}, inner {@code /*} pairs count. */
    final int blockCommentEnd(int i, boolean nested) {
        int depth = 1;
        boolean inner = false;
        int j = i + 2;
        while (j < length) {
            if (text.startsWith("*/", j)) {
                depth--;
                j += 2;
                if (depth == 0) {
                    return j;
                }
            } else if (nested && text.startsWith("/*", j)) {
                depth++;
                inner = true;
                j += 2;
            } else {
                j++;
            }
        }
        String hint = inner ? " (PostgreSQL block comments nest: each /* inside it needs its own */)" : "";
        throw unclosed(i, "block comment opened here is never closed" + hint + "; add */");
    }

    /** An error for a construct that starts at {@code i} and never ends. */
    final SqlSyntaxException unclosed(int i, String reason) {
        return new SqlSyntaxException(lineOf(i), reason);
    }

    /** The line of index {@code i}, at or after the current position (counts afresh: for errors only). */
    final int lineOf(int i) {
        int n = line;
        for (int j = pos; j < i; j++) {
            char c = text.charAt(j);
            if (c == '\n' || (c == '\r' && (j + 1 >= length || text.charAt(j + 1) != '\n'))) {
                n++;
            }
        }
        return n;
    }
}
