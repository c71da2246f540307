package dev.flotilla.engine.dialect.mysql;

import dev.flotilla.engine.dialect.Queries;
import java.sql.Connection;
import java.sql.SQLException;

/** The test servers run MariaDB; the tests that read MariaDB's statement time limit say so. */
final class Assumptions {

    private Assumptions() {
    }

    static void mariaDb(Connection connection) throws SQLException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Queries.one(connection, "SELECT @@version").contains("MariaDB"),
                "written for MariaDB's max_statement_time; this server is MySQL");
    }
}
