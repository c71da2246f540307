package dev.flotilla.engine.sql;

import java.util.Set;

/**
 * SQLite: {@code CREATE [TEMP|TEMPORARY] TRIGGER ... BEGIN stmt; ... END} is one statement. As in
 * SQLite's own {@code sqlite3_complete()}, the trigger ends at the first {@code ;} that follows an
 * {@code END} that itself directly follows a {@code ;}. A {@code CASE ... END} inside the body never
 * ends it, because a {@code CASE}'s {@code END} can never directly follow a {@code ;}.
 */
final class SqliteBodyTracker implements BodyTracker {

    private enum State { BODY, AFTER_SEMICOLON, AFTER_END }

    private final CreatePrefix prefix = new CreatePrefix(
            Set.of("TEMP", "TEMPORARY"), Set.of("TRIGGER"), false);
    private State state = State.BODY;
    private int line;

    @Override
    public void token(Token kind, Lexer lexer) {
        if (line == 0) {
            line = lexer.line();
        }
        if (prefix.accept(kind, lexer) != CreatePrefix.Verdict.BODY_STATEMENT) {
            return;
        }
        state = state == State.AFTER_SEMICOLON && kind == Token.WORD && lexer.wordIs("END")
                ? State.AFTER_END : State.BODY;
    }

    @Override
    public boolean delimiter() {
        if (prefix.verdict() != CreatePrefix.Verdict.BODY_STATEMENT || state == State.AFTER_END) {
            return true;
        }
        state = State.AFTER_SEMICOLON;
        return false;
    }

    @Override
    public void finish() {
        if (prefix.verdict() == CreatePrefix.Verdict.BODY_STATEMENT && state != State.AFTER_END) {
            throw new SqlSyntaxException(line, "CREATE TRIGGER starting here has no END after its last "
                    + "statement; end the body with END;");
        }
    }
}
