package dev.flotilla.engine.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SQLite: trigger bodies, four kinds of quoting, no backslash escapes. */
class SqliteSplittingTest {

    private static List<SqlStatement> split(String... lines) {
        return StatementSplitter.split(String.join("\n", lines), SqlDialect.SQLITE);
    }

    @Test
    void aTriggerBodyIsOneStatementUpToItsEnd() {
        assertThat(split(
                "CREATE TRIGGER touch AFTER UPDATE ON users",
                "BEGIN",
                "  UPDATE users SET updated = CURRENT_TIMESTAMP WHERE id = NEW.id;",
                "  INSERT INTO log VALUES ('updated; yes');",
                "END;",
                "SELECT 1;"))
                .containsExactly(
                        new SqlStatement("CREATE TRIGGER touch AFTER UPDATE ON users\nBEGIN\n"
                                + "  UPDATE users SET updated = CURRENT_TIMESTAMP WHERE id = NEW.id;\n"
                                + "  INSERT INTO log VALUES ('updated; yes');\nEND", 1),
                        new SqlStatement("SELECT 1", 6));
    }

    @Test
    void caseEndInsideATriggerBodyDoesNotEndIt() {
        assertThat(split(
                "CREATE TEMP TRIGGER IF NOT EXISTS grade AFTER INSERT ON scores WHEN NEW.v IS NOT NULL BEGIN",
                "  UPDATE scores SET g = CASE WHEN NEW.v > 50 THEN 'pass' ELSE 'fail' END WHERE id = NEW.id;",
                "  SELECT CASE NEW.v WHEN 0 THEN RAISE(ABORT, 'zero; no') END;",
                "END;",
                "SELECT 2"))
                .containsExactly(
                        new SqlStatement("CREATE TEMP TRIGGER IF NOT EXISTS grade AFTER INSERT ON scores WHEN NEW.v IS NOT NULL BEGIN\n"
                                + "  UPDATE scores SET g = CASE WHEN NEW.v > 50 THEN 'pass' ELSE 'fail' END WHERE id = NEW.id;\n"
                                + "  SELECT CASE NEW.v WHEN 0 THEN RAISE(ABORT, 'zero; no') END;\nEND", 1),
                        new SqlStatement("SELECT 2", 5));
    }

    @Test
    void aTriggerMayEndTheScriptWithoutAFinalSemicolonAndCommentsMayStandBeforeItsEnd() {
        assertThat(split("CREATE TEMPORARY TRIGGER t AFTER DELETE ON a BEGIN DELETE FROM b; -- cascade", "/* done */ END"))
                .containsExactly(new SqlStatement(
                        "CREATE TEMPORARY TRIGGER t AFTER DELETE ON a BEGIN DELETE FROM b; -- cascade\n/* done */ END", 1));
    }

    @Test
    void beginAndEndTransactionStatementsAreOrdinaryStatements() {
        assertThat(split("BEGIN TRANSACTION;", "CREATE TABLE t (id);", "END TRANSACTION;", "BEGIN;", "END;"))
                .containsExactly(
                        new SqlStatement("BEGIN TRANSACTION", 1),
                        new SqlStatement("CREATE TABLE t (id)", 2),
                        new SqlStatement("END TRANSACTION", 3),
                        new SqlStatement("BEGIN", 4),
                        new SqlStatement("END", 5));
    }

    @Test
    void aQuotedEndInsideATriggerDoesNotEndIt() {
        assertThat(split("CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET x = 1;", "\"end\" ; END;", "SELECT 3;"))
                .containsExactly(
                        new SqlStatement("CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET x = 1;\n\"end\" ; END", 1),
                        new SqlStatement("SELECT 3", 3));
    }

    @Test
    void bracketAndBacktickNamesProtectSemicolons() {
        assertThat(split("SELECT [a;b], `c;``d` FROM [t]];", "SELECT 2;")).containsExactly(
                new SqlStatement("SELECT [a;b], `c;``d` FROM [t]]", 1), new SqlStatement("SELECT 2", 2));
    }

    @Test
    void backslashesDoNotEscape() {
        assertThat(split("SELECT 'C:\\', \"x\\\";", "SELECT 2;")).containsExactly(
                new SqlStatement("SELECT 'C:\\', \"x\\\"", 1), new SqlStatement("SELECT 2", 2));
    }

    @Test
    void twoDashesStartACommentEvenWithoutASpaceAndBlockCommentsDoNotNest() {
        assertThat(split("SELECT 1 --; x", "/* a /* b */ ;", "SELECT 2;")).containsExactly(
                new SqlStatement("SELECT 1", 1), new SqlStatement("SELECT 2", 3));
    }

    @Test
    void aTriggerWithoutEndIsAnErrorNamingTheLineItStartsOn() {
        assertThatThrownBy(() -> split("SELECT 1;", "CREATE TRIGGER t AFTER INSERT ON a", "BEGIN", "  DELETE FROM b;",
                "SELECT 2;"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessage("line 2: CREATE TRIGGER starting here has no END after its last statement; end the body with END;");
    }

    @Test
    void anUnterminatedBracketNameIsAnErrorNamingItsLine() {
        assertThatThrownBy(() -> split("SELECT 1;", "", "SELECT [a;"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessage("line 3: bracketed identifier opened here is never closed; add the closing ]");
    }
}
