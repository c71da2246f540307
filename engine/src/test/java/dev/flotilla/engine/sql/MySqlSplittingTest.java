package dev.flotilla.engine.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MySQL/MariaDB: backticks, backslash escapes, {@code #} and {@code -- } comments, executable comments,
 * DELIMITER lines, and routine bodies written without a DELIMITER change.
 */
class MySqlSplittingTest {

    private static List<SqlStatement> split(String... lines) {
        return StatementSplitter.split(String.join("\n", lines), SqlDialect.MYSQL);
    }

    @Test
    void semicolonsInBacktickNamesDoNotSplit() {
        assertThat(split("SELECT `a;b`, `tick``;` FROM t;", "SELECT 2;")).containsExactly(
                new SqlStatement("SELECT `a;b`, `tick``;` FROM t", 1), new SqlStatement("SELECT 2", 2));
    }

    @Test
    void backslashesEscapeQuotesInBothKindsOfString() {
        assertThat(split("INSERT INTO t VALUES ('it\\'s;', \"say \\\"hi\\\";\", 'C:\\\\');", "SELECT 2;"))
                .containsExactly(
                        new SqlStatement("INSERT INTO t VALUES ('it\\'s;', \"say \\\"hi\\\";\", 'C:\\\\')", 1),
                        new SqlStatement("SELECT 2", 2));
    }

    @Test
    void hashStartsAComment() {
        assertThat(split("# set up; first", "SELECT 1; # one; more", "SELECT 2#;", ";")).containsExactly(
                new SqlStatement("SELECT 1", 2), new SqlStatement("SELECT 2", 3));
    }

    @Test
    void twoDashesStartACommentOnlyBeforeABlankOrControlCharacter() {
        assertThat(split("SELECT 1--1;", "SELECT 1 -- 1;", ";", "SELECT 3 --", ";", "SELECT 4\t--\t;", ";"))
                .containsExactly(
                        new SqlStatement("SELECT 1--1", 1),
                        new SqlStatement("SELECT 1", 2),
                        new SqlStatement("SELECT 3", 4),
                        new SqlStatement("SELECT 4", 6));
    }

    @Test
    void twoDashesAtTheVeryEndAreAComment() {
        assertThat(split("SELECT 1; --")).containsExactly(new SqlStatement("SELECT 1", 1));
    }

    @Test
    void blockCommentsDoNotNest() {
        assertThat(split("/* a /* b */ SELECT 1;", "SELECT 2;")).containsExactly(
                new SqlStatement("SELECT 1", 1), new SqlStatement("SELECT 2", 2));
    }

    @Test
    void executableCommentsAreKeptAsCode() {
        assertThat(split(
                "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;",
                "CREATE TABLE t (id INT) /*!50100 ENGINE=InnoDB */ /*M!100100 COMMENT 'x;*/y' */;",
                "/* plain */ SELECT 1;"))
                .containsExactly(
                        new SqlStatement("/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */", 1),
                        new SqlStatement("CREATE TABLE t (id INT) /*!50100 ENGINE=InnoDB */ /*M!100100 COMMENT 'x;*/y' */", 2),
                        new SqlStatement("SELECT 1", 3));
    }

    @Test
    void anUnterminatedExecutableCommentIsAnErrorNamingItsLine() {
        assertThatThrownBy(() -> split("SELECT 1;", "/*!50003 SET x = 1;"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessage("line 2: executable comment opened here is never closed; add */");
    }

    @Test
    void delimiterLinesChangeTheDelimiterAndAreNoStatements() {
        assertThat(split(
                "DROP PROCEDURE IF EXISTS p;",
                "DELIMITER //",
                "CREATE PROCEDURE p()",
                "BEGIN",
                "  DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN END;",
                "  SELECT 1; SELECT 2;",
                "END //",
                "delimiter ;",
                "CALL p();",
                "Delimiter $$",
                "SELECT 3$$ SELECT 4; SELECT 5$$",
                "DELIMITER ;",
                "SELECT 6;"))
                .containsExactly(
                        new SqlStatement("DROP PROCEDURE IF EXISTS p", 1),
                        new SqlStatement("CREATE PROCEDURE p()\nBEGIN\n  DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN END;\n"
                                + "  SELECT 1; SELECT 2;\nEND", 3),
                        new SqlStatement("CALL p()", 9),
                        new SqlStatement("SELECT 3", 11),
                        new SqlStatement("SELECT 4; SELECT 5", 11),
                        new SqlStatement("SELECT 6", 13));
    }

    @Test
    void aCustomDelimiterEndsAStatementEvenRightAfterAWord() {
        assertThat(split("DELIMITER $$", "CREATE FUNCTION f() RETURNS INT RETURN 1$$", "DELIMITER ;"))
                .containsExactly(new SqlStatement("CREATE FUNCTION f() RETURNS INT RETURN 1", 2));
    }

    @Test
    void theDelimiterInsideStringsAndCommentsDoesNotSplit() {
        assertThat(split("DELIMITER //", "SELECT '//', /* // */ `//` # //", "-- //", "//", "DELIMITER ;"))
                .containsExactly(new SqlStatement("SELECT '//', /* // */ `//`", 2));
    }

    @Test
    void aDelimiterLineAfterCommentsIsStillADelimiterLine() {
        assertThat(split("-- functions", "/* previously in V10 */", "  DELIMITER //", "SELECT 1 //", "DELIMITER ;"))
                .containsExactly(new SqlStatement("SELECT 1", 4));
    }

    @Test
    void theWordDelimiterInsideAStatementIsJustAName() {
        assertThat(split("CREATE TABLE t (", "delimiter VARCHAR(5)", ");")).containsExactly(
                new SqlStatement("CREATE TABLE t (\ndelimiter VARCHAR(5)\n)", 1));
    }

    @Test
    void aDelimiterLineWithoutADelimiterIsAnErrorNamingItsLine() {
        assertThatThrownBy(() -> split("SELECT 1;", "DELIMITER   ", "SELECT 2;"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessage("line 2: DELIMITER needs the new delimiter after it on the same line, "
                        + "for example DELIMITER // (and DELIMITER ; to go back)");
    }

    @Test
    void aDelimiterWithABackslashIsAnError() {
        assertThatThrownBy(() -> split("DELIMITER \\\\", "SELECT 1"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessage("line 1: DELIMITER \\\\ contains a backslash, which the mysql client does not allow; "
                        + "choose another, such as //");
    }

    @Test
    void aTriggerWithABeginEndBodyIsOneStatementWithoutADelimiterChange() {
        assertThat(split(
                "CREATE TRIGGER audit_insert AFTER INSERT ON accounts FOR EACH ROW",
                "BEGIN",
                "  INSERT INTO audit (what) VALUES ('insert; done');",
                "  UPDATE counters SET n = n + 1 WHERE name = 'end';",
                "END;",
                "INSERT INTO accounts VALUES (1);"))
                .containsExactly(
                        new SqlStatement("CREATE TRIGGER audit_insert AFTER INSERT ON accounts FOR EACH ROW\nBEGIN\n"
                                + "  INSERT INTO audit (what) VALUES ('insert; done');\n"
                                + "  UPDATE counters SET n = n + 1 WHERE name = 'end';\nEND", 1),
                        new SqlStatement("INSERT INTO accounts VALUES (1)", 6));
    }

    @Test
    void nestedCompoundStatementsCloseAtTheirOwnEnds() {
        String procedure = String.join("\n",
                "CREATE DEFINER=`admin`@`%` PROCEDURE fill(IN n INT)",
                "main: BEGIN",
                "  DECLARE i INT DEFAULT 0;",
                "  IF n < 0 THEN LEAVE main; ELSEIF n = 0 THEN SET n = 1; ELSE SET n = n; END IF;",
                "  WHILE i < n DO",
                "    SET i = i + 1;",
                "    CASE i WHEN 1 THEN INSERT INTO t VALUES (0); ELSE BEGIN INSERT INTO t VALUES (i); END; END CASE;",
                "  END WHILE;",
                "  REPEAT SET i = i - 1; UNTIL i = 0 END REPEAT;",
                "  lp: LOOP",
                "    SET i = IF(i > 3, CASE WHEN i > 5 THEN 5 ELSE i END, i + 1);",
                "    IF (i >= 3) THEN LEAVE lp; END IF;",
                "  END LOOP lp;",
                "  SELECT REPEAT('x', i) AS `end`, t.end FROM t;",
                "END main");
        assertThat(split(procedure + ";", "CALL fill(3);")).containsExactly(
                new SqlStatement(procedure, 1), new SqlStatement("CALL fill(3)", 16));
    }

    @Test
    void functionsAndEventsAndDefinersAreRecognised() {
        assertThat(split(
                "CREATE OR REPLACE DEFINER = CURRENT_USER() FUNCTION f(x INT) RETURNS INT DETERMINISTIC",
                "BEGIN DECLARE y INT; SET y = x * 2; RETURN y; END;",
                "CREATE DEFINER=root@localhost EVENT IF NOT EXISTS purge ON SCHEDULE EVERY 1 DAY DO",
                "BEGIN DELETE FROM log WHERE at < NOW() - INTERVAL 1 DAY; DELETE FROM tmp; END;",
                "SELECT f(1);"))
                .containsExactly(
                        new SqlStatement("CREATE OR REPLACE DEFINER = CURRENT_USER() FUNCTION f(x INT) RETURNS INT DETERMINISTIC\n"
                                + "BEGIN DECLARE y INT; SET y = x * 2; RETURN y; END", 1),
                        new SqlStatement("CREATE DEFINER=root@localhost EVENT IF NOT EXISTS purge ON SCHEDULE EVERY 1 DAY DO\n"
                                + "BEGIN DELETE FROM log WHERE at < NOW() - INTERVAL 1 DAY; DELETE FROM tmp; END", 3),
                        new SqlStatement("SELECT f(1)", 5));
    }

    @Test
    void aTriggerWhoseBodyIsABareIfIsOneStatement() {
        assertThat(split(
                "CREATE TRIGGER clamp BEFORE INSERT ON t FOR EACH ROW",
                "IF NEW.v < 0 THEN SET NEW.v = 0; ELSEIF NEW.v > 9 THEN SET NEW.v = 9; END IF;",
                "SELECT 1;"))
                .containsExactly(
                        new SqlStatement("CREATE TRIGGER clamp BEFORE INSERT ON t FOR EACH ROW\n"
                                + "IF NEW.v < 0 THEN SET NEW.v = 0; ELSEIF NEW.v > 9 THEN SET NEW.v = 9; END IF", 1),
                        new SqlStatement("SELECT 1", 3));
    }

    @Test
    void aRoutineWithoutACompoundBodyEndsAtItsFirstSemicolon() {
        assertThat(split(
                "CREATE PROCEDURE IF NOT EXISTS p() SELECT IF(a, 1, 2), REPEAT('-', 3) FROM t;",
                "CREATE FUNCTION g() RETURNS INT RETURN (SELECT CASE WHEN 1 THEN 2 END);",
                "SELECT 3;"))
                .containsExactly(
                        new SqlStatement("CREATE PROCEDURE IF NOT EXISTS p() SELECT IF(a, 1, 2), REPEAT('-', 3) FROM t", 1),
                        new SqlStatement("CREATE FUNCTION g() RETURNS INT RETURN (SELECT CASE WHEN 1 THEN 2 END)", 2),
                        new SqlStatement("SELECT 3", 3));
    }

    @Test
    void beginOutsideARoutineIsATransactionStatement() {
        assertThat(split("BEGIN;", "BEGIN WORK;", "INSERT INTO t VALUES (1);", "COMMIT;", "START TRANSACTION;", "END;"))
                .containsExactly(
                        new SqlStatement("BEGIN", 1),
                        new SqlStatement("BEGIN WORK", 2),
                        new SqlStatement("INSERT INTO t VALUES (1)", 3),
                        new SqlStatement("COMMIT", 4),
                        new SqlStatement("START TRANSACTION", 5),
                        new SqlStatement("END", 6));
    }

    @Test
    void tablesWithBeginOrEventOrTriggerInTheirNamesOrColumnsAreOrdinaryStatements() {
        assertThat(split(
                "CREATE TABLE trigger_log (`begin` INT, `end` INT, event VARCHAR(9));",
                "CREATE TABLE t (begin_at INT, end_at INT);",
                "SELECT 1;"))
                .containsExactly(
                        new SqlStatement("CREATE TABLE trigger_log (`begin` INT, `end` INT, event VARCHAR(9))", 1),
                        new SqlStatement("CREATE TABLE t (begin_at INT, end_at INT)", 2),
                        new SqlStatement("SELECT 1", 3));
    }

    @Test
    void aProcedureWithoutEndIsAnErrorNamingTheInnermostOpenBlock() {
        assertThatThrownBy(() -> split(
                "CREATE PROCEDURE p()",
                "BEGIN",
                "  IF 1 THEN",
                "    SELECT 1;",
                "END;",
                "SELECT 2;"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessage("line 3: IF opened here has no matching END IF; the statement runs to the end of the script");
    }

    @Test
    void anUnterminatedBacktickNameIsAnErrorNamingItsLine() {
        assertThatThrownBy(() -> split("SELECT 1;", "SELECT `a;", "FROM t;"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessage("line 2: quoted identifier opened here is never closed; add the closing `");
    }

    @Test
    void aBackslashBeforeTheClosingQuoteLeavesTheStringOpen() {
        assertThatThrownBy(() -> split("SELECT 'C:\\';", "SELECT 2;"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessage("line 1: string literal opened here is never closed; add the closing '");
    }
}
