package dev.flotilla.engine.sql;

/**
 * Follows one statement's tokens to tell whether a {@code ;} ends it or stands inside a routine or
 * trigger body. A fresh tracker serves each statement; it is mutable and confined to one split.
 */
interface BodyTracker {

    /** For statements under a custom MySQL delimiter: every delimiter ends the statement. */
    BodyTracker NONE = new BodyTracker() {
        @Override
        public void token(Token kind, Lexer lexer) {
        }

        @Override
        public boolean delimiter() {
            return true;
        }

        @Override
        public void finish() {
        }
    };

    /** The statement's next token of code, other than the delimiter. */
    void token(Token kind, Lexer lexer);

    /** A delimiter: true when it ends the statement, false when it belongs to a body. */
    boolean delimiter();

    /** The text ended inside the statement; throws {@link SqlSyntaxException} if a body is still open. */
    void finish();
}
