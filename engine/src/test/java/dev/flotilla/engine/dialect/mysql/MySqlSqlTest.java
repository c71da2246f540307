package dev.flotilla.engine.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** MySQL's SQL text and lock names, without a server. */
class MySqlSqlTest {

    private final MySqlSql sql = new MySqlSql();

    @Test
    void quotesWithBackticksDoublingEmbeddedOnes() {
        assertThat(sql.quote("alembic_version")).isEqualTo("`alembic_version`");
        assertThat(sql.quote("we`ird\"")).isEqualTo("`we``ird\"`");
        assertThat(sql.table("tenant_1", "v")).isEqualTo("`tenant_1`.`v`");
        assertThat(sql.table(null, "v")).isEqualTo("`v`");
    }

    @Test
    void identifiersAreLimitedTo64CharactersWhateverTheirBytes() {
        assertThat(sql.quote("é".repeat(64))).hasSize(66);
        assertThatThrownBy(() -> sql.quote("a".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 64 characters").hasMessageEndingWith("has 65");
        assertThatThrownBy(() -> sql.quote("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sql.quote("a\0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versionTableIsInnoDbWithAlembicsKey() {
        assertThat(sql.createVersionTable(null, "alembic_version")).containsExactly(
                "CREATE TABLE IF NOT EXISTS `alembic_version` (version_num VARCHAR(128) NOT NULL, "
                        + "CONSTRAINT `alembic_version_pkc` PRIMARY KEY (version_num)) ENGINE=InnoDB");
        assertThat(sql.beginTransaction()).isEqualTo("START TRANSACTION");
        assertThat(sql.createHistoryTable("t", "h")).singleElement().asString()
                .endsWith("applied_by VARCHAR(255) NOT NULL) ENGINE=InnoDB")
                .doesNotContain(";");
    }

    @Test
    void shortLockNamesAreReadableAndLongOnesHashedTo64Characters() {
        assertThat(LockName.of("tenant_1", "alembic_version")).isEqualTo("flotilla:tenant_1.alembic_version");
        String longName = LockName.of("t".repeat(40), "alembic_version");
        // printf '<40 t>\0alembic_version' | sha256sum: its first 55 hex digits
        assertThat(longName).hasSize(64).isEqualTo("flotilla:8eee4124b060b93189d4f27b4252cf4936bbed209f0eccdb229697c");
        assertThat(LockName.of("t".repeat(40), "alembic_version")).isEqualTo(longName);
        assertThat(LockName.of("t".repeat(40), "other_version")).isNotEqualTo(longName);
        assertThat(LockName.of("t".repeat(64), "v".repeat(64))).hasSize(64);
        // 9 + 8 + 1 + 46 = 64 characters: still readable
        assertThat(LockName.of("tenant_1", "v".repeat(46))).hasSize(64).isEqualTo("flotilla:tenant_1." + "v".repeat(46));
    }

    @Test
    void aStringLiteralDoublesItsQuotesAndBackslashes() {
        assertThat(sql.literal("it's a\\path")).isEqualTo("'it''s a\\\\path'");
    }
}
