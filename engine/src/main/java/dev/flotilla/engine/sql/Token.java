package dev.flotilla.engine.sql;

/** What the lexer found next, once blanks and comments are skipped. */
enum Token {
    /** A run of identifier characters: a keyword, an unquoted name, a number or a parameter. */
    WORD,
    /**
     * A string, quoted identifier, dollar quote or MySQL executable comment: code whose inside the
     * trackers never look at.
     */
    QUOTED,
    /** Any other single character: punctuation and operators. */
    SYMBOL,
    /** The current statement delimiter, {@code ;} unless a MySQL {@code DELIMITER} line changed it. */
    DELIMITER,
    /** No more text. */
    END_OF_INPUT
}
