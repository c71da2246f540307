package dev.flotilla.engine.sql;

import java.util.Set;

/**
 * PostgreSQL, as psql decides where a statement ends: a {@code ;} inside parentheses does not end it
 * (the actions of {@code CREATE RULE ... DO (a; b)}), and neither does one inside the SQL-standard body
 * {@code BEGIN ATOMIC ... END} (PostgreSQL 14+) of {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}. Like
 * psql, it counts {@code CASE ... END} inside such a body so that a {@code CASE}'s {@code END} does not
 * close it; {@code CASE} and {@code END} are reserved words, so a name can only use them quoted (or
 * after a dot, which is also allowed for).
 */
final class PostgresBodyTracker implements BodyTracker {

    private final CreatePrefix prefix = new CreatePrefix(
            Set.of("OR", "REPLACE"), Set.of("FUNCTION", "PROCEDURE"), false);
    private int parens;
    private int parenLine;
    private int depth;
    private int bodyLine;
    private int beginLine;
    private boolean afterBegin;
    private boolean afterDot;

    @Override
    public void token(Token kind, Lexer lexer) {
        boolean routine = prefix.accept(kind, lexer) == CreatePrefix.Verdict.BODY_STATEMENT;
        boolean qualified = afterDot;
        boolean begin = afterBegin;
        afterDot = kind == Token.SYMBOL && lexer.symbol() == '.';
        afterBegin = false;
        if (kind == Token.SYMBOL) {
            parenthesis(lexer);
        } else if (routine && kind == Token.WORD && !qualified) {
            word(lexer, begin);
        }
    }

    private void parenthesis(Lexer lexer) {
        if (lexer.symbol() == '(') {
            if (parens++ == 0) {
                parenLine = lexer.line();
            }
        } else if (lexer.symbol() == ')' && parens > 0) {
            parens--;
        }
    }

    private void word(Lexer lexer, boolean afterBeginWord) {
        if (parens == 0 && lexer.wordIs("BEGIN")) {
            afterBegin = true;
            beginLine = lexer.line();
        } else if (afterBeginWord && lexer.wordIs("ATOMIC")) {
            if (depth == 0) {
                bodyLine = beginLine;
            }
            depth++;
        } else if (depth > 0 && lexer.wordIs("CASE")) {
            depth++;
        } else if (depth > 0 && lexer.wordIs("END")) {
            depth--;
        }
    }

    @Override
    public boolean delimiter() {
        afterBegin = false;
        afterDot = false;
        return depth == 0 && parens == 0;
    }

    @Override
    public void finish() {
        if (depth > 0) {
            throw new SqlSyntaxException(bodyLine, "BEGIN ATOMIC opened here has no matching END"
                    + (depth > 1 ? " (" + depth + " BEGIN ATOMIC or CASE still open)" : "")
                    + "; end the body with END");
        }
        if (parens > 0) {
            throw new SqlSyntaxException(parenLine, "( opened here is never closed, so every ; after it "
                    + "belongs to the same statement (as psql reads it); add the missing )");
        }
    }
}
