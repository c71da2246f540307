package dev.flotilla.engine.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** PostgreSQL: dollar quotes, escape strings, nesting comments, BEGIN ATOMIC bodies, psql meta-commands. */
class PostgresSplittingTest {

    private static List<SqlStatement> split(String... lines) {
        return StatementSplitter.split(String.join("\n", lines), SqlDialect.POSTGRESQL);
    }

    @Test
    void aDollarQuotedFunctionBodyIsOneStatement() {
        assertThat(split(
                "CREATE FUNCTION touch() RETURNS trigger AS $$",
                "BEGIN",
                "    NEW.updated = now();",
                "    RETURN NEW;",
                "END;",
                "$$ LANGUAGE plpgsql;",
                "SELECT 1;"))
                .containsExactly(
                        new SqlStatement("CREATE FUNCTION touch() RETURNS trigger AS $$\nBEGIN\n    NEW.updated = now();\n"
                                + "    RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql", 1),
                        new SqlStatement("SELECT 1", 7));
    }

    @Test
    void aTaggedDollarQuoteEndsOnlyAtTheSameTag() {
        assertThat(split(
                "DO $outer$",
                "BEGIN",
                "  EXECUTE $q$SELECT 'a;b'$q$; -- $$ inside is text too",
                "END",
                "$outer$;",
                "SELECT 2"))
                .containsExactly(
                        new SqlStatement("DO $outer$\nBEGIN\n  EXECUTE $q$SELECT 'a;b'$q$; -- $$ inside is text too\n"
                                + "END\n$outer$", 1),
                        new SqlStatement("SELECT 2", 6));
    }

    @Test
    void dollarDigitIsAParameterNotADollarQuote() {
        assertThat(split(
                "CREATE FUNCTION add(int, int) RETURNS int LANGUAGE sql RETURN $1 + $2;",
                "SELECT $1;"))
                .containsExactly(
                        new SqlStatement("CREATE FUNCTION add(int, int) RETURNS int LANGUAGE sql RETURN $1 + $2", 1),
                        new SqlStatement("SELECT $1", 2));
    }

    @Test
    void aDollarRightAfterANumberOrParameterStartsADollarQuote() {
        assertThat(split("SELECT 1$$;$$, $1$q$;$q$;", "SELECT 2;")).containsExactly(
                new SqlStatement("SELECT 1$$;$$, $1$q$;$q$", 1), new SqlStatement("SELECT 2", 2));
    }

    @Test
    void aDollarSignInsideANameIsPartOfTheName() {
        assertThat(split("SELECT a$$b, c$x$ FROM t;", "SELECT 2;")).containsExactly(
                new SqlStatement("SELECT a$$b, c$x$ FROM t", 1), new SqlStatement("SELECT 2", 2));
    }

    @Test
    void anEscapeStringTakesBackslashEscapes() {
        assertThat(split("SELECT E'it\\'s; ok', e'\\\\';", "SELECT 2;")).containsExactly(
                new SqlStatement("SELECT E'it\\'s; ok', e'\\\\'", 1), new SqlStatement("SELECT 2", 2));
    }

    @Test
    void anOrdinaryStringTakesBackslashesLiterally() {
        // standard_conforming_strings: the backslash does not escape the quote, so the string ends there
        assertThat(split("SELECT 'C:\\';", "SELECT 2;")).containsExactly(
                new SqlStatement("SELECT 'C:\\'", 1), new SqlStatement("SELECT 2", 2));
    }

    @Test
    void anEBeforeAQuoteInsideANameDoesNotMakeAnEscapeString() {
        // "type" ends in e; the string after it is an ordinary one, so \' does not escape
        assertThat(split("SELECT type'a\\';", "SELECT 2;")).containsExactly(
                new SqlStatement("SELECT type'a\\'", 1), new SqlStatement("SELECT 2", 2));
    }

    @Test
    void blockCommentsNest() {
        assertThat(split("/* outer /* inner; */ still comment; */ SELECT 1;", "SELECT 2;")).containsExactly(
                new SqlStatement("SELECT 1", 1), new SqlStatement("SELECT 2", 2));
    }

    @Test
    void anUnclosedCommentWithAnInnerOneExplainsThatCommentsNest() {
        assertThatThrownBy(() -> split("SELECT 1;", "/* a /* b */", "SELECT 2;"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessage("line 2: block comment opened here is never closed (PostgreSQL block comments nest: "
                        + "each /* inside it needs its own */); add */");
    }

    @Test
    void twoDashesStartACommentEvenWithoutASpace() {
        assertThat(split("SELECT 1 --; not a delimiter", ";")).containsExactly(
                new SqlStatement("SELECT 1", 1));
    }

    @Test
    void aBeginAtomicBodyIsOneStatementUpToItsEnd() {
        assertThat(split(
                "CREATE OR REPLACE FUNCTION grade(score int) RETURNS text",
                "LANGUAGE sql",
                "BEGIN ATOMIC",
                "  SELECT CASE WHEN score >= 50 THEN 'pass' ELSE 'fail' END;",
                "  SELECT CASE score WHEN 100 THEN 'perfect' END;",
                "END;",
                "CREATE PROCEDURE log_it(msg text) BEGIN ATOMIC INSERT INTO log VALUES (msg); END;",
                "SELECT grade(70);"))
                .containsExactly(
                        new SqlStatement("CREATE OR REPLACE FUNCTION grade(score int) RETURNS text\nLANGUAGE sql\n"
                                + "BEGIN ATOMIC\n  SELECT CASE WHEN score >= 50 THEN 'pass' ELSE 'fail' END;\n"
                                + "  SELECT CASE score WHEN 100 THEN 'perfect' END;\nEND", 1),
                        new SqlStatement("CREATE PROCEDURE log_it(msg text) BEGIN ATOMIC INSERT INTO log VALUES (msg); END", 7),
                        new SqlStatement("SELECT grade(70)", 8));
    }

    @Test
    void beginAndEndAsTransactionStatementsAreOrdinaryStatements() {
        assertThat(split("BEGIN;", "CREATE TABLE t (id int);", "END;", "BEGIN ISOLATION LEVEL SERIALIZABLE;", "COMMIT;"))
                .containsExactly(
                        new SqlStatement("BEGIN", 1),
                        new SqlStatement("CREATE TABLE t (id int)", 2),
                        new SqlStatement("END", 3),
                        new SqlStatement("BEGIN ISOLATION LEVEL SERIALIZABLE", 4),
                        new SqlStatement("COMMIT", 5));
    }

    @Test
    void aParameterNamedBeginDoesNotOpenABody() {
        assertThat(split("CREATE FUNCTION f(begin int, atomic int) RETURNS int LANGUAGE sql RETURN begin;", "SELECT 2;"))
                .containsExactly(
                        new SqlStatement("CREATE FUNCTION f(begin int, atomic int) RETURNS int LANGUAGE sql RETURN begin", 1),
                        new SqlStatement("SELECT 2", 2));
    }

    @Test
    void aBeginAtomicWithoutEndIsAnErrorNamingItsLine() {
        assertThatThrownBy(() -> split("SELECT 1;", "CREATE FUNCTION f() RETURNS int LANGUAGE sql", "BEGIN ATOMIC",
                "  SELECT 1;", "SELECT 2;"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessage("line 3: BEGIN ATOMIC opened here has no matching END; end the body with END");
    }

    @Test
    void semicolonsInsideParenthesesDoNotEndAStatementAsInPsql() {
        assertThat(split(
                "CREATE RULE keep AS ON DELETE TO items DO INSTEAD (",
                "  UPDATE items SET gone = true WHERE id = OLD.id;",
                "  INSERT INTO log VALUES (OLD.id)",
                ");",
                "SELECT 1;"))
                .containsExactly(
                        new SqlStatement("CREATE RULE keep AS ON DELETE TO items DO INSTEAD (\n"
                                + "  UPDATE items SET gone = true WHERE id = OLD.id;\n  INSERT INTO log VALUES (OLD.id)\n)", 1),
                        new SqlStatement("SELECT 1", 5));
    }

    @Test
    void anUnclosedParenthesisIsAnErrorNamingItsLine() {
        assertThatThrownBy(() -> split("SELECT 1;", "SELECT count(*", "FROM t;", "SELECT 2;"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessage("line 2: ( opened here is never closed, so every ; after it belongs to the same "
                        + "statement (as psql reads it); add the missing )");
    }

    @Test
    void aPsqlMetaCommandIsAnErrorNamingItsLine() {
        assertThatThrownBy(() -> split("SELECT 1;", "  \\connect other", "SELECT 2;"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessage("line 2: psql meta-command \\connect; Flotilla runs SQL only: write it as SQL or leave it out");
    }

    @Test
    void aBackslashInsideAStringOrCommentAtLineStartIsNoMetaCommand() {
        assertThat(split("SELECT E'", "\\n', '", "\\x';", "/*", "\\set x */ SELECT 2;")).containsExactly(
                new SqlStatement("SELECT E'\n\\n', '\n\\x'", 1), new SqlStatement("SELECT 2", 5));
    }

    @Test
    void anUnterminatedDollarQuoteIsAnErrorNamingTheLineItOpensOn() {
        assertThatThrownBy(() -> split("SELECT 1;", "DO $body$", "BEGIN END;", "$$;"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessage("line 2: dollar-quoted string opened here with $body$ is never closed; add the closing $body$");
    }

    @Test
    void anUnterminatedEscapeStringIsAnErrorNamingTheLineItOpensOn() {
        assertThatThrownBy(() -> split("SELECT 1;", "SELECT E'it\\';"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessage("line 2: escape string E'...' opened here is never closed; add the closing '");
    }
}
