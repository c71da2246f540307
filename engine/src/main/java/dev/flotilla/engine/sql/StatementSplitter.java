package dev.flotilla.engine.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits a migration script's SQL into the statements a JDBC driver can execute one at a time,
 * following the lexical rules of a {@link SqlDialect}.
 *
 * <p>Statements end at the delimiter ({@code ;}, or what a MySQL {@code DELIMITER} line sets) outside
 * strings, quoted identifiers, comments, dollar quotes and routine or trigger bodies, and at the end
 * of the text (a final delimiter is optional). Each statement's text runs from its first to its last
 * token of code: comments before a statement are dropped, comments inside it are kept verbatim, and
 * chunks that hold only comments and blanks (including empty statements such as {@code ;;}) produce
 * nothing. Lines are counted from 1 at the start of the given text; LF, CRLF and a lone CR each end a
 * line. The work is one pass, linear in the length of the text.
 *
 * <p>Thread-safe: each call works on its own private state and keeps none.
 */
public final class StatementSplitter {

    private final String sql;
    private final SqlDialect dialect;
    private final Lexer lexer;
    private final List<SqlStatement> statements = new ArrayList<>();

    private StatementSplitter(String sql, SqlDialect dialect) {
        this.sql = sql;
        this.dialect = dialect;
        this.lexer = dialect.lexer(sql);
    }

    /**
     * The statements of {@code sql}, in order; empty when it holds no code.
     *
     * @throws SqlSyntaxException when a string, quoted identifier, dollar quote, comment or body is never
     *                            closed, on a psql meta-command, or on a malformed {@code DELIMITER} line;
     *                            the exception names the line where the construct starts
     */
    public static List<SqlStatement> split(String sql, SqlDialect dialect) {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(dialect, "dialect");
        return new StatementSplitter(sql, dialect).run();
    }

    private List<SqlStatement> run() {
        int first = -1;
        int firstLine = 0;
        int last = -1;
        BodyTracker body = BodyTracker.NONE;
        for (Token token = lexer.next(); token != Token.END_OF_INPUT; token = lexer.next()) {
            if (first < 0) {
                if (token == Token.DELIMITER || (token == Token.WORD && lexer.clientCommand())) {
                    continue;
                }
                first = lexer.start();
                firstLine = lexer.line();
                body = lexer.customDelimiter() ? BodyTracker.NONE : dialect.bodyTracker();
            }
            if (token != Token.DELIMITER) {
                body.token(token, lexer);
            } else if (body.delimiter()) {
                statements.add(new SqlStatement(sql.substring(first, last), firstLine));
                first = -1;
                continue;
            }
            last = lexer.end();
        }
        if (first >= 0) {
            body.finish();
            statements.add(new SqlStatement(sql.substring(first, last), firstLine));
        }
        return List.copyOf(statements);
    }
}
