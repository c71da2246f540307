package dev.flotilla.engine.sql;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * MySQL/MariaDB: the body of {@code CREATE [OR REPLACE] [DEFINER = user] [AGGREGATE]
 * PROCEDURE|FUNCTION|TRIGGER|EVENT}, written without a {@code DELIMITER} change, may be a compound
 * statement with semicolons inside: {@code BEGIN ... END}, {@code IF ... END IF},
 * {@code CASE ... END CASE}, {@code LOOP ... END LOOP}, {@code WHILE ... END WHILE} and
 * {@code REPEAT ... END REPEAT}, nested in any way, with or without labels. Outside such a statement
 * nothing is tracked, so {@code BEGIN;} and {@code BEGIN WORK;} are ordinary statements.
 *
 * <p>How the ambiguous words are read: {@code BEGIN} opens a block only outside parentheses;
 * {@code IF} opens one only once its {@code THEN} is seen (so {@code IF(a, b, c)} and
 * {@code IF [NOT] EXISTS} do not); {@code REPEAT} followed by {@code (} is the string function; a word
 * after a {@code .} is a name ({@code NEW.end}). {@code END} closes the innermost block of the kind
 * the next word names, or a {@code BEGIN} or {@code CASE} if it names none. {@code BEGIN} and
 * {@code END} are not reserved in MySQL: a column named {@code begin} or {@code end} written bare
 * outside parentheses inside a routine body can mislead this reading; quote it with backticks.
 */
final class MySqlBodyTracker implements BodyTracker {

    private enum Kind { BEGIN, CASE, IF, LOOP, WHILE, REPEAT }

    /** A block still open: what opened it, at which parenthesis depth, on which line. */
    private record Block(Kind kind, int parens, int line) {
    }

    /** An {@code IF} that becomes a block if a {@code THEN} follows at the same depth. */
    private record IfCandidate(int level, int parens, int line) {
    }

    /** Words that may follow {@code END}: {@code END FOR} ends a MariaDB FOR loop, which is not tracked. */
    private static final Set<String> ENDINGS = Set.of("IF", "CASE", "LOOP", "WHILE", "REPEAT", "FOR");

    private final CreatePrefix prefix = new CreatePrefix(
            Set.of("OR", "REPLACE", "AGGREGATE", "DEFINER"), Set.of("PROCEDURE", "FUNCTION", "TRIGGER", "EVENT"), true);
    private final Deque<Block> open = new ArrayDeque<>();
    private int parens;
    private boolean afterDot;
    private int endParens = -1;
    private int repeatLine;
    private IfCandidate ifCandidate;

    @Override
    public void token(Token kind, Lexer lexer) {
        if (prefix.accept(kind, lexer) != CreatePrefix.Verdict.BODY_STATEMENT) {
            return;
        }
        boolean qualified = afterDot;
        afterDot = kind == Token.SYMBOL && lexer.symbol() == '.';
        String word = kind == Token.WORD ? lexer.upperWord() : null;
        if (endParens >= 0 && word != null && ENDINGS.contains(word)) {
            closeNamed(word);
            return;
        }
        resolvePending(kind == Token.SYMBOL && lexer.symbol() == '(');
        if (kind == Token.SYMBOL) {
            parens += lexer.symbol() == '(' ? 1 : lexer.symbol() == ')' && parens > 0 ? -1 : 0;
        } else if (word != null && !qualified) {
            word(word, lexer.line());
        }
    }

    private void word(String word, int line) {
        switch (word) {
            case "BEGIN" -> openStatementBlock(Kind.BEGIN, line);
            case "LOOP" -> openStatementBlock(Kind.LOOP, line);
            case "WHILE" -> openStatementBlock(Kind.WHILE, line);
            case "REPEAT" -> repeatLine = parens == 0 ? line : 0;
            case "CASE" -> open.push(new Block(Kind.CASE, parens, line));
            case "IF" -> considerIf(line);
            case "THEN" -> confirmIf();
            case "END" -> endParens = parens;
            default -> {
            }
        }
    }

    /** BEGIN, LOOP, WHILE and REPEAT stand only where a statement starts, never in parentheses. */
    private void openStatementBlock(Kind kind, int line) {
        if (parens == 0) {
            open.push(new Block(kind, 0, line));
            ifCandidate = null;
        }
    }

    private void considerIf(int line) {
        IfCandidate candidate = new IfCandidate(open.size(), parens, line);
        if (ifCandidate == null || candidate.level() < ifCandidate.level()
                || (candidate.level() == ifCandidate.level() && candidate.parens() < ifCandidate.parens())) {
            ifCandidate = candidate;
        }
    }

    private void confirmIf() {
        boolean inCase = !open.isEmpty() && open.peek().kind() == Kind.CASE;
        if (ifCandidate != null && !inCase && ifCandidate.level() == open.size() && ifCandidate.parens() == parens) {
            open.push(new Block(Kind.IF, parens, ifCandidate.line()));
            ifCandidate = null;
        }
    }

    /** Settles an END or REPEAT that was waiting to see the next token. */
    private void resolvePending(boolean openParenthesis) {
        if (endParens >= 0) {
            closePlain();
        }
        if (repeatLine > 0 && !openParenthesis) {
            open.push(new Block(Kind.REPEAT, 0, repeatLine));
            ifCandidate = null;
        }
        repeatLine = 0;
    }

    /** {@code END IF}, {@code END CASE} and the like: closes that block if it is the innermost. */
    private void closeNamed(String ending) {
        int depth = endParens;
        endParens = -1;
        Block top = open.peek();
        if (top != null && top.kind().name().equals(ending) && top.parens() == depth) {
            pop();
        }
    }

    /** A bare {@code END}: closes a BEGIN or a CASE expression. */
    private void closePlain() {
        int depth = endParens;
        endParens = -1;
        Block top = open.peek();
        if (top != null && (top.kind() == Kind.BEGIN || top.kind() == Kind.CASE) && top.parens() == depth) {
            pop();
        }
    }

    private void pop() {
        open.pop();
        if (ifCandidate != null && ifCandidate.level() > open.size()) {
            ifCandidate = null;
        }
    }

    @Override
    public boolean delimiter() {
        if (prefix.verdict() != CreatePrefix.Verdict.BODY_STATEMENT) {
            return true;
        }
        resolvePending(false);
        ifCandidate = null;
        afterDot = false;
        return open.isEmpty();
    }

    @Override
    public void finish() {
        resolvePending(false);
        if (!open.isEmpty()) {
            Block block = open.peek();
            String closer = block.kind() == Kind.BEGIN ? "END" : "END " + block.kind();
            throw new SqlSyntaxException(block.line(), block.kind() + " opened here has no matching " + closer
                    + "; the statement runs to the end of the script");
        }
    }
}
