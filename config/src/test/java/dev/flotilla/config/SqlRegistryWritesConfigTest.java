package dev.flotilla.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** registry.sql.table, insert and update_state: how provision --register writes to a control database. */
class SqlRegistryWritesConfigTest {

    @TempDir
    Path dir;
    ConfigFiles files;

    @BeforeEach
    void setUp() {
        files = new ConfigFiles(dir);
    }

    private static String sql(String keys) {
        return "servers:\n  control: {url: \"jdbc:postgresql://h/app\"}\nregistry:\n  sql:\n    server: control\n"
                + "    query: SELECT * FROM customers\n" + keys;
    }

    @Test
    void readsATableOrNamedStatements() {
        assertThat(files.load(sql("    columns: {id: slug}\n    table: control.customers\n")).registry())
                .isEqualTo(new RegistryConfig.Sql("control", "SELECT * FROM customers", Map.of("id", "slug"),
                        "control.customers", null, null));
        String insert = "INSERT INTO customers (slug, status) VALUES (:id, :state) -- :not_a_parameter";
        String update = "UPDATE customers SET status = :state::text WHERE slug = :id";
        assertThat(files.load(sql("    insert: " + insert + "\n    update_state: \"" + update + "\"\n")).registry())
                .isEqualTo(new RegistryConfig.Sql("control", "SELECT * FROM customers", Map.of(), null, insert, update));
    }

    @Test
    void theEnvironmentCanGiveTheStatements() {
        assertThat(files.load(sql(""), Map.of("FLOTILLA_REGISTRY_SQL_TABLE", "customers")).registry())
                .isEqualTo(new RegistryConfig.Sql("control", "SELECT * FROM customers", Map.of(), "customers", null, null));
    }

    @Test
    void unknownParametersBadTablesAndBothWaysAreErrorsAtTheirLines() {
        assertThat(files.problems(sql("    insert: INSERT INTO t (slug, s) VALUES (:id, :shema)\n"
                + "    update_state: UPDATE t SET status = ? WHERE slug = :id\n"))).containsExactly(
                "7:13 registry.sql.insert: expected parameters among :id, :server, :database, :schema, :tags, :state,"
                        + " found :shema; did you mean 'schema'?",
                "8:19 registry.sql.update_state: expected named parameters (:state, :id) or '?', found both");
        assertThat(files.problems(sql("    insert: INSERT INTO t VALUES (?, ?)\n"))).containsExactly(
                "7:13 registry.sql.insert: expected named parameters (:id, :server, :database, :schema, :tags, :state),"
                        + " or 6 '?' bound in the order id, server, database, schema, tags, state, found 2 '?'");
        assertThat(files.problems(sql("    table: \"customers; DROP TABLE x\"\n"))).containsExactly(
                "7:12 registry.sql.table: expected a table name (letters, digits or _, not starting with a digit;"
                        + " optionally schema.table), found 'customers; DROP TABLE x'; for other names give insert and update_state");
        assertThat(files.problems(sql("    table: customers\n    update_state: UPDATE t SET s = :state WHERE id = :id\n")))
                .containsExactly("7:12 registry.sql.table: expected either table or insert and update_state statements,"
                        + " found table and update_state; keep one way of writing");
        assertThat(files.problems(sql("    columns: {schema: \"schema name\"}\n    table: customers\n"))).containsExactly(
                "7:23 registry.sql.columns.schema: expected a plain column name (letters, digits or _) to write to table"
                        + " customers, found 'schema name'; for other names give insert and update_state instead of table");
    }
}
