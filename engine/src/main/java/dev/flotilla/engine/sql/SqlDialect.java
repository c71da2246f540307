package dev.flotilla.engine.sql;

/**
 * The SQL dialects whose scripts {@link StatementSplitter} can split, each with the lexical rules of
 * its server and its usual command-line client.
 */
public enum SqlDialect {

    /**
     * PostgreSQL as psql reads it: {@code '...'} strings without backslash escapes
     * ({@code standard_conforming_strings} on, the default since 9.1), {@code E'...'} strings with
     * them, {@code $$...$$} and {@code $tag$...$tag$} dollar quotes ({@code $1} is a parameter),
     * {@code "..."} identifiers, {@code --} comments, nesting {@code /* *}{@code /} comments, and no
     * statement end inside parentheses (rule actions) or inside {@code BEGIN ATOMIC ... END} bodies of
     * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}. A line that starts with a backslash (a psql
     * meta-command) is an error.
     */
    POSTGRESQL {
        @Override
        Lexer lexer(String sql) {
            return new PostgresLexer(sql);
        }

        @Override
        BodyTracker bodyTracker() {
            return new PostgresBodyTracker();
        }
    },

    /**
     * MySQL and MariaDB as the mysql client reads them: {@code '...'} and {@code "..."} strings with
     * backslash escapes ({@code NO_BACKSLASH_ESCAPES} and {@code ANSI_QUOTES} are not supported),
     * {@code `...`} identifiers, {@code #} comments, {@code --} comments only when a blank or control
     * character follows, flat {@code /* *}{@code /} comments, {@code /*! *}{@code /} executable
     * comments kept as code, {@code DELIMITER} lines, and {@code BEGIN ... END} bodies of
     * {@code CREATE PROCEDURE|FUNCTION|TRIGGER|EVENT} written without a {@code DELIMITER} change.
     */
    MYSQL {
        @Override
        Lexer lexer(String sql) {
            return new MySqlLexer(sql);
        }

        @Override
        BodyTracker bodyTracker() {
            return new MySqlBodyTracker();
        }
    },

    /**
     * SQLite as the sqlite3 shell reads it: {@code '...'} strings, {@code "..."}, {@code [...]} and
     * {@code `...`} identifiers, no backslash escapes, {@code --} and flat {@code /* *}{@code /}
     * comments, and {@code CREATE [TEMP] TRIGGER ... BEGIN ...; END} bodies. Unlike SQLite, which lets
     * a block comment run to the end of the input, an unclosed comment is an error.
     */
    SQLITE {
        @Override
        Lexer lexer(String sql) {
            return new SqliteLexer(sql);
        }

        @Override
        BodyTracker bodyTracker() {
            return new SqliteBodyTracker();
        }
    };

    /**
     * The first word of {@code statement} in upper case, past blanks and comments as this dialect's client
     * reads them; empty when it starts otherwise (a quoted text, a MySQL executable comment, a symbol) or
     * cannot be read.
     */
    public String firstWord(String statement) {
        try {
            Lexer lexer = lexer(statement);
            return lexer.next() == Token.WORD ? lexer.upperWord() : "";
        } catch (SqlSyntaxException e) {
            return "";
        }
    }

    /** A lexer over {@code sql}, positioned at its start. */
    abstract Lexer lexer(String sql);

    /** A fresh tracker for one statement that ends at {@code ;}. */
    abstract BodyTracker bodyTracker();
}
