package dev.flotilla.testkit;

import java.sql.Connection;
import java.sql.SQLException;

/** Test-side access to the server behind an injected database, wherever the test kit found it. */
final class Servers {

    private Servers() {
    }

    static ServerEndpoint endpointOf(TestDatabase database) {
        ServerEndpoint parsed = ServerEndpoint.fromJdbcUrl(database.kind(), database.adminJdbcUrl());
        return new ServerEndpoint(database.kind(), parsed.host(), parsed.port(), parsed.adminDatabase(),
                database.user(), database.password(), parsed.options());
    }

    static boolean exists(TestDatabase anyOnServer, String name) throws SQLException {
        try (Connection admin = anyOnServer.connectAdmin()) {
            return ServerDialect.of(anyOnServer.kind()).list(admin, name).contains(name);
        }
    }
}
