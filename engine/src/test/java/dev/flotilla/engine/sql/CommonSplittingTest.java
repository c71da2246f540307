package dev.flotilla.engine.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The rules every dialect shares: delimiters, strings, identifiers, comments, lines, and the errors. */
class CommonSplittingTest {

    private static List<SqlStatement> split(SqlDialect dialect, String... lines) {
        return StatementSplitter.split(String.join("\n", lines), dialect);
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void splitsAtSemicolonsAndNumbersEachStatementByTheLineItStartsOn(SqlDialect dialect) {
        assertThat(split(dialect,
                "CREATE TABLE a (id INT);",
                "",
                "INSERT INTO a VALUES (1); INSERT INTO a",
                "  VALUES (2);"))
                .containsExactly(
                        new SqlStatement("CREATE TABLE a (id INT)", 1),
                        new SqlStatement("INSERT INTO a VALUES (1)", 3),
                        new SqlStatement("INSERT INTO a\n  VALUES (2)", 3));
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void emptyInputHasNoStatements(SqlDialect dialect) {
        assertThat(StatementSplitter.split("", dialect)).isEmpty();
        assertThat(StatementSplitter.split(" \n\t\r\n", dialect)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void commentsAndEmptyStatementsAloneHaveNoStatements(SqlDialect dialect) {
        assertThat(split(dialect, "-- nothing to do here", "/* really", "   nothing */", ";", " ; ;", "-- end"))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void theLastStatementNeedsNoSemicolon(SqlDialect dialect) {
        assertThat(split(dialect, "SELECT 1;", "SELECT 2")).containsExactly(
                new SqlStatement("SELECT 1", 1), new SqlStatement("SELECT 2", 2));
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void commentsBeforeAStatementAreDroppedAndCommentsInsideAreKept(SqlDialect dialect) {
        assertThat(split(dialect,
                "-- adds the users table",
                "/* owner: team a */",
                "CREATE TABLE users ( -- one row per person",
                "  id INT /* surrogate */",
                ") -- trailing",
                ";",
                "-- after the last statement"))
                .containsExactly(new SqlStatement(
                        "CREATE TABLE users ( -- one row per person\n  id INT /* surrogate */\n)", 3));
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void emptyStatementsBetweenDelimitersAreSkipped(SqlDialect dialect) {
        assertThat(split(dialect, "SELECT 1;;", ";SELECT 2; ;")).containsExactly(
                new SqlStatement("SELECT 1", 1), new SqlStatement("SELECT 2", 2));
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void semicolonsInStringsDoNotSplit(SqlDialect dialect) {
        assertThat(split(dialect, "INSERT INTO t VALUES ('a;b', 'it''s; fine');", "SELECT ';'"))
                .containsExactly(
                        new SqlStatement("INSERT INTO t VALUES ('a;b', 'it''s; fine')", 1),
                        new SqlStatement("SELECT ';'", 2));
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void aStringMaySpanLinesAndLaterStatementsKeepTheirLines(SqlDialect dialect) {
        assertThat(split(dialect, "INSERT INTO t VALUES ('line one;", "line two');", "SELECT 1;"))
                .containsExactly(
                        new SqlStatement("INSERT INTO t VALUES ('line one;\nline two')", 1),
                        new SqlStatement("SELECT 1", 3));
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void semicolonsInDoubleQuotedNamesDoNotSplit(SqlDialect dialect) {
        // a MySQL "..." is a string, not a name, but it protects the semicolon just the same
        assertThat(split(dialect, "SELECT \"odd;name\", \"say \"\"hi\"\";\" FROM t; SELECT 2"))
                .containsExactly(
                        new SqlStatement("SELECT \"odd;name\", \"say \"\"hi\"\";\" FROM t", 1),
                        new SqlStatement("SELECT 2", 1));
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void semicolonsInCommentsDoNotSplit(SqlDialect dialect) {
        assertThat(split(dialect,
                "SELECT 1 -- first; second",
                "  /* third; fourth",
                "  fifth; */ + 1;",
                "SELECT 2;"))
                .containsExactly(
                        new SqlStatement("SELECT 1 -- first; second\n  /* third; fourth\n  fifth; */ + 1", 1),
                        new SqlStatement("SELECT 2", 4));
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void crlfLineEndsCountAsOneLineAndStayVerbatimInsideStatements(SqlDialect dialect) {
        assertThat(StatementSplitter.split("-- header\r\nCREATE TABLE a (\r\n  id INT\r\n);\r\n\r\nSELECT 1;\r\n", dialect))
                .containsExactly(
                        new SqlStatement("CREATE TABLE a (\r\n  id INT\r\n)", 2),
                        new SqlStatement("SELECT 1", 6));
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void aLoneCarriageReturnAlsoEndsALine(SqlDialect dialect) {
        assertThat(StatementSplitter.split("SELECT 1;\rSELECT 2;", dialect)).containsExactly(
                new SqlStatement("SELECT 1", 1), new SqlStatement("SELECT 2", 2));
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void beginAsATransactionStatementIsAnOrdinaryStatement(SqlDialect dialect) {
        assertThat(split(dialect, "BEGIN;", "UPDATE t SET x = 1;", "COMMIT;")).containsExactly(
                new SqlStatement("BEGIN", 1),
                new SqlStatement("UPDATE t SET x = 1", 2),
                new SqlStatement("COMMIT", 3));
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void caseEndOutsideARoutineNeedsNoTracking(SqlDialect dialect) {
        assertThat(split(dialect, "SELECT CASE WHEN a THEN 1 ELSE 2 END AS x FROM t;", "SELECT 2;"))
                .containsExactly(
                        new SqlStatement("SELECT CASE WHEN a THEN 1 ELSE 2 END AS x FROM t", 1),
                        new SqlStatement("SELECT 2", 2));
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void anUnterminatedStringIsAnErrorNamingTheLineItOpensOn(SqlDialect dialect) {
        assertThatThrownBy(() -> split(dialect, "SELECT 1;", "", "INSERT INTO t VALUES ('oops);", "SELECT 2;"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessage("line 3: string literal opened here is never closed; add the closing '")
                .satisfies(e -> assertThat(((SqlSyntaxException) e).line()).isEqualTo(3));
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void anUnterminatedBlockCommentIsAnErrorNamingTheLineItOpensOn(SqlDialect dialect) {
        assertThatThrownBy(() -> split(dialect, "SELECT 1;", "/* forgot", "to close", "SELECT 2;"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessage("line 2: block comment opened here is never closed; add */");
    }

    @Test
    void anUnterminatedDoubleQuotedNameIsAnErrorInPostgresqlAndSqlite() {
        for (SqlDialect dialect : List.of(SqlDialect.POSTGRESQL, SqlDialect.SQLITE)) {
            assertThatThrownBy(() -> split(dialect, "SELECT", "  \"name;", "FROM t;"))
                    .isInstanceOf(SqlSyntaxException.class)
                    .hasMessage("line 2: quoted identifier opened here is never closed; add the closing \"");
        }
    }

    @Test
    void theErrorGivesLineAndReasonSeparatelyForCallersThatKnowTheFile() {
        SqlSyntaxException error = catchThrowableOfType(SqlSyntaxException.class,
                () -> split(SqlDialect.SQLITE, "", "SELECT 'x"));
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.reason()).isEqualTo("string literal opened here is never closed; add the closing '");
        assertThat(error.exitCode()).isEqualTo(2);
    }

    @Test
    void statementsRejectBlankTextAndLinesBelowOne() {
        assertThatThrownBy(() -> new SqlStatement(" ", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text must not be blank (statement at line 1)");
        assertThatThrownBy(() -> new SqlStatement("SELECT 1", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line must be 1 or more, not 0");
    }
}
