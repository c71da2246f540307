package dev.flotilla.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerEndpointTest {

    @Test
    void readsCredentialsFromQueryParametersAndKeepsOtherOptions() {
        ServerEndpoint endpoint = ServerEndpoint.fromJdbcUrl(DatabaseKind.POSTGRESQL,
                "jdbc:postgresql://db.example:6543/admin?user=alice&password=p%26w&sslmode=disable");

        assertThat(endpoint).extracting(ServerEndpoint::host, ServerEndpoint::port, ServerEndpoint::adminDatabase,
                        ServerEndpoint::user, ServerEndpoint::password, ServerEndpoint::options)
                .containsExactly("db.example", 6543, "admin", "alice", "p&w", Map.of("sslmode", "disable"));
    }

    @Test
    void readsCredentialsFromUserInfo() {
        ServerEndpoint endpoint = ServerEndpoint.fromJdbcUrl(DatabaseKind.MYSQL, "jdbc:mysql://bob:pw@10.1.2.3/");

        assertThat(endpoint.user()).isEqualTo("bob");
        assertThat(endpoint.password()).isEqualTo("pw");
    }

    @Test
    void fillsMissingPartsWithTheLocalDefaults() {
        ServerEndpoint postgres = ServerEndpoint.fromJdbcUrl(DatabaseKind.POSTGRESQL, "jdbc:postgresql://db");
        ServerEndpoint mysql = ServerEndpoint.fromJdbcUrl(DatabaseKind.MYSQL, "jdbc:mysql://db");

        assertThat(postgres).extracting(ServerEndpoint::port, ServerEndpoint::adminDatabase, ServerEndpoint::user,
                ServerEndpoint::password).containsExactly(5432, "postgres", "postgres", "");
        assertThat(mysql).extracting(ServerEndpoint::port, ServerEndpoint::adminDatabase, ServerEndpoint::user)
                .containsExactly(3306, "", "root");
    }

    @Test
    void buildsUrlsWithoutCredentials() {
        ServerEndpoint endpoint = ServerEndpoint.fromJdbcUrl(DatabaseKind.MYSQL,
                "jdbc:mysql://db:3307/?user=root&password=secret&useSSL=false");

        assertThat(endpoint.jdbcUrl("ft_1_ab")).isEqualTo("jdbc:mysql://db:3307/ft_1_ab?useSSL=false");
        assertThat(endpoint.testDatabase("ft_1_ab").adminJdbcUrl()).isEqualTo("jdbc:mysql://db:3307/?useSSL=false");
    }

    @Test
    void rejectsAnotherKindsUrlWithoutRepeatingIt() {
        assertThatThrownBy(() -> ServerEndpoint.fromJdbcUrl(DatabaseKind.POSTGRESQL, "jdbc:mysql://u:secret@db/"))
                .hasMessage("must start with 'jdbc:postgresql://'");
        assertThatThrownBy(() -> ServerEndpoint.fromJdbcUrl(DatabaseKind.POSTGRESQL, "jdbc:postgresql://u:secret@db /x"))
                .hasMessageStartingWith("is not a valid URL")
                .hasMessageNotContaining("secret");
    }

    @Test
    void toStringMasksThePassword() {
        ServerEndpoint endpoint = ServerEndpoint.fromJdbcUrl(DatabaseKind.POSTGRESQL,
                "jdbc:postgresql://db/postgres?user=alice&password=hunter2");

        assertThat(endpoint.toString()).doesNotContain("hunter2").contains("password=<masked>", "db:5432 as alice");
    }
}
