package dev.flotilla.registry.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.registry.Layout;
import dev.flotilla.registry.ServerSpec;
import dev.flotilla.registry.Tenant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectionTemplateTest {

    private static final ServerSpec PG = new ServerSpec("pg1",
            "jdbc:postgresql://${server.host}:5432/app?currentSchema=${tenant.schema}&user=app&password=s3cret",
            Layout.SCHEMA_PER_TENANT, Map.of("host", "db.internal"));

    @Test
    void rendersServerAndTenantVariables() {
        Tenant tenant = Tenant.of("acme", "pg1", null, "tenant_acme");
        assertThat(PG.template().render(tenant, PG).value())
                .isEqualTo("jdbc:postgresql://db.internal:5432/app?currentSchema=tenant_acme&user=app&password=s3cret");
    }

    @Test
    void valuesInThePathAndQueryArePercentEncoded() {
        Tenant hostile = Tenant.of("acme", "pg1", null, "tenant acme&password=x;DROP/ü+");
        assertThat(PG.template().render(hostile, PG).value())
                .isEqualTo("jdbc:postgresql://db.internal:5432/app?currentSchema=tenant%20acme%26password%3Dx%3BDROP%2F%C3%BC%2B"
                        + "&user=app&password=s3cret");
        ServerSpec db = new ServerSpec("my1", "jdbc:mysql://h:3306/${tenant.database}?useSSL=false", Layout.DATABASE_PER_TENANT);
        assertThat(db.template().render(Tenant.of("x", "my1", "shop?db#1", null), db).value())
                .isEqualTo("jdbc:mysql://h:3306/shop%3Fdb%231?useSSL=false");
    }

    @Test
    void aHostValueThatIsNoHostIsRefused() {
        ServerSpec regional = new ServerSpec("eu", "jdbc:postgresql://${tenant.host}/app", Layout.SCHEMA_PER_TENANT);
        Tenant tenant = new Tenant("acme", "eu", null, "s", Set.of(), Map.of("host", "evil/x?y"), null);
        assertThatThrownBy(() -> regional.template().render(tenant, regional))
                .hasMessage("tenant 'acme' on server 'eu': ${tenant.host} is 'evil/x?y', which cannot go into the host part "
                        + "of the URL, which takes letters, digits, '.', '-', '_', ':', '[', ']'");
    }

    @Test
    void sqliteValuesWithSlashesAreRefused() {
        ServerSpec files = new ServerSpec("files", "jdbc:sqlite:data/${tenant.folder}/${tenant.id}.db", Layout.FILE_PER_TENANT);
        Tenant tenant = new Tenant("acme", "files", null, null, Set.of(), Map.of("folder", "../../etc"), null);
        assertThatThrownBy(() -> files.template().render(tenant, files))
                .hasMessage("tenant 'acme' on server 'files': ${tenant.folder} is '../../etc', which cannot go into a SQLite "
                        + "file path, where '..' could leave the data folder");
        Tenant slash = new Tenant("acme", "files", null, null, Set.of(), Map.of("folder", "a/b"), null);
        assertThatThrownBy(() -> files.template().render(slash, files))
                .hasMessage("tenant 'acme' on server 'files': ${tenant.folder} is 'a/b', which cannot go into a SQLite file "
                        + "path, where '/' (U+002F) is not allowed (no '/', '\\', ':', '?', '#', '%', '&', '=' or control characters)");
        Tenant fine = new Tenant("acme", "files", null, null, Set.of(), Map.of("folder", "eu"), null);
        assertThat(files.template().render(fine, files).value()).isEqualTo("jdbc:sqlite:data/eu/acme.db");
    }

    @Test
    void maskedHidesPasswordsInUserInfoAndParameters() {
        assertThat(PG.template().masked())
                .isEqualTo("jdbc:postgresql://${server.host}:5432/app?currentSchema=${tenant.schema}&user=app&password=<masked>");
        assertThat(JdbcUrl.mask("jdbc:mysql://root:hunter2@h:3306/db?sslPassword=x&a=1"))
                .isEqualTo("jdbc:mysql://root:<masked>@h:3306/db?sslPassword=<masked>&a=1");
        JdbcUrl url = PG.template().render(Tenant.of("acme", "pg1", null, "s"), PG);
        assertThat(url.toString()).doesNotContain("s3cret").endsWith("password=<masked>");
        assertThat(PG.toString()).doesNotContain("s3cret");
    }

    @Test
    void syntaxErrorsNameThePosition() {
        assertThatThrownBy(() -> ConnectionTemplate.parse("jdbc:sqlite:data/${tenant.id.db"))
                .hasMessage("URL template jdbc:sqlite:data/${tenant.id.db: '${' at position 18 is not closed by '}'");
        assertThatThrownBy(() -> ConnectionTemplate.parse("jdbc:sqlite:${env:HOME}/x.db"))
                .hasMessageContaining("unknown variable ${env:HOME}; valid variables are ${tenant.id}");
        assertThat(ConnectionTemplate.parse("jdbc:postgresql://h/${tenant.database}?x=${server.name}").variables())
                .containsExactly("tenant.database", "server.name");
    }
}
