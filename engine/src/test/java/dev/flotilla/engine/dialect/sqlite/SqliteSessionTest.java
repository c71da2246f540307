package dev.flotilla.engine.dialect.sqlite;

import static dev.flotilla.engine.dialect.Queries.one;
import static dev.flotilla.engine.dialect.Queries.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.dialect.Dialect;
import dev.flotilla.engine.dialect.Session;
import dev.flotilla.engine.dialect.Timeouts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSessionTest {

    private static final String PRAGMAS = "SELECT (SELECT foreign_keys FROM pragma_foreign_keys) || '|' "
            + "|| (SELECT timeout FROM pragma_busy_timeout) || '|' "
            + "|| (SELECT recursive_triggers FROM pragma_recursive_triggers) || '|' "
            + "|| (SELECT defer_foreign_keys FROM pragma_defer_foreign_keys) || '|' "
            + "|| (SELECT legacy_alter_table FROM pragma_legacy_alter_table)";

    private final Dialect dialect = new SqliteDialect();

    @TempDir
    Path folder;

    @Test
    void theLockTimeoutBecomesTheBusyTimeoutAndScriptPragmasAreUndone() throws Exception {
        try (Connection connection = connect()) {
            run(connection, "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 1234");
            String before = one(connection, PRAGMAS);
            assertThat(before).isEqualTo("1|1234|0|0|0");

            Session session = dialect.sessions().enter(connection, "main",
                    new Timeouts(Duration.ofMillis(2500), Duration.ofSeconds(1)));
            assertThat(one(connection, "PRAGMA busy_timeout")).isEqualTo("2500");
            run(connection, "PRAGMA foreign_keys = OFF", "PRAGMA recursive_triggers = ON",
                    "PRAGMA legacy_alter_table = ON", "PRAGMA busy_timeout = 1");
            session.close();
            session.close();

            assertThat(one(connection, PRAGMAS)).isEqualTo(before);
        }
    }

    @Test
    void noLockLimitMeansTheLongestBusyTimeout() throws Exception {
        try (Connection connection = connect();
             Session session = dialect.sessions().enter(connection, null, new Timeouts(Duration.ZERO, Duration.ZERO))) {
            assertThat(one(connection, "PRAGMA busy_timeout")).isEqualTo(String.valueOf(Integer.MAX_VALUE));
        }
    }

    @Test
    void aSchemaOtherThanMainIsRefusedExplainingThatTargetsAreFiles() throws Exception {
        try (Connection connection = connect()) {
            assertThatThrownBy(() -> dialect.sessions().enter(connection, "tenant_1", Timeouts.DEFAULTS))
                    .isInstanceOf(SQLException.class)
                    .hasMessage("SQLite targets are database files, each with the one schema 'main'; the target names "
                            + "schema 'tenant_1'. Give each tenant its own file, and leave the schema empty");
        }
    }

    @Test
    void closingInsideATransactionSaysForeignKeysCouldNotBeRestored() throws Exception {
        try (Connection connection = connect()) {
            Session session = dialect.sessions().enter(connection, null, Timeouts.DEFAULTS);
            run(connection, "PRAGMA foreign_keys = ON", "BEGIN");
            assertThatThrownBy(session::close).isInstanceOf(SQLException.class)
                    .hasMessageStartingWith("PRAGMA foreign_keys could not be set back to 0");
            run(connection, "ROLLBACK");
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("tenant.db"));
    }
}
