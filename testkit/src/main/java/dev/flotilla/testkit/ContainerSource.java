package dev.flotilla.testkit;

import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.containers.MySQLContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** A throwaway server in a Docker container, stopped when the test JVM's tests are done. */
final class ContainerSource implements ServerSource {

    static final String POSTGRES_IMAGE = "postgres:15-alpine";
    /** MariaDB, not MySQL: the same server family the local and CI machines run. */
    static final String MARIADB_IMAGE = "mariadb:10.11";

    private final DatabaseKind kind;

    ContainerSource(DatabaseKind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return "Testcontainers (" + image() + ")";
    }

    @Override
    public ProvidedServer open() throws Exception {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("Docker is not available");
        }
        return switch (kind) {
            case POSTGRESQL -> start(new PostgreSQLContainer<>(DockerImageName.parse(POSTGRES_IMAGE)), Map.of());
            case MYSQL -> start(new MySQLContainer<>(
                            DockerImageName.parse(MARIADB_IMAGE).asCompatibleSubstituteFor("mysql"))
                            .withConfigurationOverride("dev/flotilla/testkit/mariadb-conf"),
                    MySqlDialect.loopbackOptions());
        };
    }

    private String image() {
        return kind == DatabaseKind.POSTGRESQL ? POSTGRES_IMAGE : MARIADB_IMAGE;
    }

    private ProvidedServer start(JdbcDatabaseContainer<?> container, Map<String, String> options) {
        container.start();
        try {
            int port = container.getMappedPort(kind == DatabaseKind.POSTGRESQL ? 5432 : 3306);
            // The MySQL module gives root the user's password; only root may create databases there.
            String user = kind == DatabaseKind.POSTGRESQL ? container.getUsername() : "root";
            String adminDatabase = kind == DatabaseKind.POSTGRESQL ? container.getDatabaseName() : "";
            ServerEndpoint endpoint = new ServerEndpoint(
                    kind, container.getHost(), port, adminDatabase, user, container.getPassword(), options);
            return new ProvidedServer(endpoint, name(), container::stop);
        } catch (RuntimeException e) {
            container.stop();
            throw e;
        }
    }
}
