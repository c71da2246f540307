package dev.flotilla.engine.dialect.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** PostgreSQL's SQL text, without a server: the server-side checks are in {@link PostgresCatalogTest}. */
class PostgresSqlTest {

    private final PostgresSql sql = new PostgresSql();

    @Test
    void quotesWithDoubleQuotesDoublingEmbeddedOnes() {
        assertThat(sql.quote("alembic_version")).isEqualTo("\"alembic_version\"");
        assertThat(sql.quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
        assertThat(sql.quote("Mixed Case`")).isEqualTo("\"Mixed Case`\"");
    }

    @Test
    void identifiersAreLimitedTo63BytesOfUtf8() {
        assertThat(sql.quote("a".repeat(63))).hasSize(65);
        assertThat(sql.quote("é".repeat(31) + "a")).isNotNull(); // 63 bytes
        assertThatThrownBy(() -> sql.quote("a".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 63 bytes").hasMessageEndingWith("has 64");
        assertThatThrownBy(() -> sql.quote("é".repeat(32))) // 32 characters, 64 bytes
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("has 64");
    }

    @Test
    void emptyNullAndNulNamesAreRejected() {
        assertThatThrownBy(() -> sql.quote("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("identifier must not be empty, was ''");
        assertThatThrownBy(() -> sql.quote(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sql.quote("a\0b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("identifier must not contain a NUL character: 'a\\0b'");
    }

    @Test
    void tableIsQualifiedOnlyWhenASchemaIsGiven() {
        assertThat(sql.table(null, "v")).isEqualTo("\"v\"");
        assertThat(sql.table("tenant_1", "v")).isEqualTo("\"tenant_1\".\"v\"");
    }

    @Test
    void versionTableIsAlembicsWithItsNamedPrimaryKey() {
        assertThat(sql.createVersionTable("t", "alembic_version")).containsExactly(
                "CREATE TABLE IF NOT EXISTS \"t\".\"alembic_version\" (version_num VARCHAR(128) NOT NULL, "
                        + "CONSTRAINT \"alembic_version_pkc\" PRIMARY KEY (version_num))");
    }

    @Test
    void aNameTooLongForTheConstraintSuffixGetsAnUnnamedKey() {
        String table = "v".repeat(61);
        assertThat(sql.createVersionTable(null, table).get(0))
                .endsWith("(version_num VARCHAR(128) NOT NULL, PRIMARY KEY (version_num))");
    }

    @Test
    void statementsCarryNoSemicolon() {
        List<String> all = new java.util.ArrayList<>(sql.createVersionTable("s", "v"));
        all.addAll(sql.createHistoryTable("s", "h"));
        all.add(sql.beginTransaction());
        assertThat(all).noneMatch(statement -> statement.contains(";"));
        assertThat(sql.beginTransaction()).isEqualTo("BEGIN");
    }
}
