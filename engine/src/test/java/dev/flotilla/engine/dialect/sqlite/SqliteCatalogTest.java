package dev.flotilla.engine.dialect.sqlite;

import static dev.flotilla.engine.dialect.Queries.one;
import static dev.flotilla.engine.dialect.Queries.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.dialect.Dialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteCatalogTest {

    private final Dialect dialect = new SqliteDialect();

    @TempDir
    Path folder;

    @Test
    void quotingDoublesQuotesAndSetsNoLengthLimit() {
        assertThat(dialect.sql().quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
        assertThat(dialect.sql().quote("x".repeat(300))).hasSize(302);
        assertThat(dialect.sql().table("main", "v")).isEqualTo("\"main\".\"v\"");
        assertThatThrownBy(() -> dialect.sql().quote("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dialect.sql().quote("a\0b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(dialect.sql().createVersionTable(null, "alembic_version")).containsExactly(
                "CREATE TABLE IF NOT EXISTS \"alembic_version\" (version_num VARCHAR(128) NOT NULL, "
                        + "CONSTRAINT \"alembic_version_pkc\" PRIMARY KEY (version_num))");
        assertThat(dialect.sql().beginTransaction()).isEqualTo("BEGIN");
    }

    @Test
    void versionAndHistoryTablesAreCreatedTwiceAndFoundByExactName() throws Exception {
        String versions = "ver\"sion";
        try (Connection connection = connect()) {
            for (int i = 0; i < 2; i++) {
                for (String statement : dialect.sql().createVersionTable("main", versions)) {
                    run(connection, statement);
                }
                for (String statement : dialect.sql().createHistoryTable("main", "history")) {
                    run(connection, statement);
                }
            }
            assertThat(dialect.catalog().tableExists(connection, null, versions)).isTrue();
            assertThat(dialect.catalog().tableExists(connection, "main", "history")).isTrue();
            assertThat(dialect.catalog().tableExists(connection, null, "HISTORY")).isFalse();
            assertThat(dialect.catalog().currentSchema(connection)).isEqualTo("main");
            // No index but the rowid: every read of the history goes by id or takes it whole.
            assertThat(one(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'history'"))
                    .isEqualTo("0");
            run(connection, "INSERT INTO history (run_id, revision, direction, started_at, outcome, applied_by) "
                    + "VALUES ('r', 'ae1027a6acf', 'up', '2026-01-01T00:00:00Z', 'running', 'ci')");
            assertThat(one(connection, "SELECT id || '/' || statements_done || '/' || statements_total FROM history"))
                    .isEqualTo("1/0/0");
        }
    }

    @Test
    void attachedDatabasesAreSchemasToo() throws Exception {
        try (Connection connection = connect()) {
            run(connection, "ATTACH DATABASE '" + folder.resolve("other.db") + "' AS other",
                    "CREATE TABLE other.t (a int)");
            assertThat(dialect.catalog().tableExists(connection, "other", "t")).isTrue();
            assertThat(dialect.catalog().tableExists(connection, null, "t")).isFalse();
        }
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("tenant.db"));
    }
}
