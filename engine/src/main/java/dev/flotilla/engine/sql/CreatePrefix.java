package dev.flotilla.engine.sql;

import java.util.Set;

/**
 * Recognises the start of a statement that can have a body with semicolons in it, such as
 * {@code CREATE OR REPLACE FUNCTION} or {@code CREATE DEFINER=`app`@`%` TRIGGER}, from its first
 * tokens. Mutable, one per statement.
 */
final class CreatePrefix {

    enum Verdict { UNDECIDED, BODY_STATEMENT, OTHER }

    private final Set<String> modifiers;
    private final Set<String> kinds;
    private final boolean definer;
    private Verdict verdict = Verdict.UNDECIDED;
    private boolean sawCreate;
    private boolean afterUserPunctuation;

    /**
     * @param modifiers words allowed between {@code CREATE} and the kind, in upper case
     * @param kinds     the words that make it a statement with a body, in upper case
     * @param definer   whether a MySQL {@code DEFINER = user} clause may stand among the modifiers
     */
    CreatePrefix(Set<String> modifiers, Set<String> kinds, boolean definer) {
        this.modifiers = modifiers;
        this.kinds = kinds;
        this.definer = definer;
    }

    /** Takes the statement's next token until the verdict is known; returns the verdict so far. */
    Verdict accept(Token kind, Lexer lexer) {
        if (verdict == Verdict.UNDECIDED) {
            verdict = decide(kind, lexer);
        }
        return verdict;
    }

    Verdict verdict() {
        return verdict;
    }

    private Verdict decide(Token kind, Lexer lexer) {
        boolean userPart = afterUserPunctuation;
        afterUserPunctuation = false;
        if (!sawCreate) {
            sawCreate = true;
            return kind == Token.WORD && lexer.wordIs("CREATE") ? Verdict.UNDECIDED : Verdict.OTHER;
        }
        if (kind == Token.WORD) {
            String word = lexer.upperWord();
            if (kinds.contains(word)) {
                return Verdict.BODY_STATEMENT;
            }
            return modifiers.contains(word) || (definer && userPart) ? Verdict.UNDECIDED : Verdict.OTHER;
        }
        if (!definer) {
            return Verdict.OTHER;
        }
        // the rest of DEFINER = 'user'@'host' | user@host | CURRENT_USER[()]
        afterUserPunctuation = kind == Token.SYMBOL && (lexer.symbol() == '=' || lexer.symbol() == '@');
        return Verdict.UNDECIDED;
    }
}
