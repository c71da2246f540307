package dev.flotilla.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * What differs between server kinds when the test kit manages databases. Implementations are
 * stateless. Database names reach SQL only after {@link DatabaseNames#requireSafe(String)}.
 */
interface ServerDialect {

    static ServerDialect of(DatabaseKind kind) {
        return switch (kind) {
            case POSTGRESQL -> PostgresDialect.INSTANCE;
            case MYSQL -> MySqlDialect.INSTANCE;
        };
    }

    /** The default local server: 127.0.0.1, the default port, the usual admin user, no password. */
    ServerEndpoint localEndpoint();

    /** Driver properties that bound connecting and logging in to {@code timeout}. */
    Properties timeoutProperties(Duration timeout);

    void create(Connection admin, String database) throws SQLException;

    /** Drops the database even while other sessions still use it; no error if it is gone. */
    void drop(Connection admin, String database) throws SQLException;

    /** Names of the databases matching a SQL {@code LIKE} pattern (backslash escapes). */
    List<String> list(Connection admin, String likePattern) throws SQLException;
}
