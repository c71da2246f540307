package dev.flotilla.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerSpecTest {

    @Test
    void theKindComesFromTheUrlPrefix() {
        assertThat(new ServerSpec("pg1", "jdbc:postgresql://h/app", Layout.SCHEMA_PER_TENANT).kind()).isEqualTo(ServerKind.POSTGRESQL);
        assertThat(new ServerSpec("my1", "jdbc:mariadb://h/${tenant.database}", Layout.DATABASE_PER_TENANT).kind())
                .isEqualTo(ServerKind.MYSQL);
    }

    @Test
    void anUnknownVariableNamesTheServerAndTheValidVariables() {
        assertThatThrownBy(() -> new ServerSpec("pg1", "jdbc:postgresql://h/${tenant_db}", Layout.DATABASE_PER_TENANT))
                .hasMessage("server 'pg1': URL template jdbc:postgresql://h/${tenant_db}: unknown variable ${tenant_db}; "
                        + "valid variables are ${tenant.id}, ${tenant.schema}, ${tenant.database}, ${tenant.<attribute>}, "
                        + "${server.name}, ${server.<property>}");
        assertThatThrownBy(() -> new ServerSpec("pg1", "jdbc:postgresql://${server.host}/app", Layout.SCHEMA_PER_TENANT,
                Map.of("port", "5432")))
                .hasMessage("server 'pg1' URL template uses ${server.host}, which the server does not have; "
                        + "its variables are ${server.name}, ${server.port}");
    }

    @Test
    void layoutsTheServerCannotHoldAreRejected() {
        assertThatThrownBy(() -> new ServerSpec("my1", "jdbc:mysql://h/app", Layout.SCHEMA_PER_TENANT))
                .hasMessage("server 'my1': a MYSQL server cannot use SCHEMA_PER_TENANT; on MySQL/MariaDB a schema is a database: "
                        + "use DATABASE_PER_TENANT");
        assertThatThrownBy(() -> new ServerSpec("files", "jdbc:sqlite:data/app.db", Layout.FILE_PER_TENANT))
                .hasMessage("server 'files' keeps one file per tenant, but its URL template jdbc:sqlite:data/app.db uses no "
                        + "${tenant.…} variable, so every tenant would share one file");
    }

    @Test
    void anUnsupportedUrlIsShownMasked() {
        assertThatThrownBy(() -> new ServerSpec("x", "jdbc:oracle:thin:scott/tiger@//h:1521/db?password=tiger", Layout.DATABASE_PER_TENANT))
                .hasMessage("server 'x': URL template jdbc:oracle:thin:scott/tiger@//h:1521/db?password=<masked>: "
                        + "URL must start with jdbc:postgresql:, jdbc:mysql:, jdbc:mariadb: or jdbc:sqlite:")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("=tiger"));
    }

    @Test
    void nameLimitsFollowTheDialect() {
        assertThat(ServerKind.POSTGRESQL.refusal("a".repeat(63))).isNull();
        assertThat(ServerKind.POSTGRESQL.refusal("ü".repeat(32))).isEqualTo("is 64 bytes in UTF-8; PostgreSQL holds at most 63");
        assertThat(ServerKind.MYSQL.refusal("ü".repeat(64))).isNull();
        assertThat(ServerKind.MYSQL.refusal("a".repeat(65))).isEqualTo("is 65 characters; MySQL/MariaDB hold at most 64");
        assertThat(ServerKind.MYSQL.refusal("emoji\uD83D\uDE00"))
                .isEqualTo("has a character beyond U+FFFF; MySQL/MariaDB identifiers hold only the Basic Multilingual Plane");
    }
}
