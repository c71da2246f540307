package dev.flotilla.engine.dialect.sqlite;

import static dev.flotilla.engine.dialect.Queries.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flotilla.engine.dialect.Dialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqliteFailuresTest {

    private final Dialect dialect = new SqliteDialect();

    /** SQLITE_BUSY, SQLITE_LOCKED, SQLITE_BUSY_RECOVERY (261), SQLITE_BUSY_SNAPSHOT (517), SQLITE_LOCKED_SHAREDCACHE (262). */
    @ParameterizedTest
    @ValueSource(ints = {5, 6, 261, 517, 262})
    void busyAndLockedAreTransientInTheirExtendedFormsToo(int code) {
        assertThat(dialect.isTransient(new SQLException("x", null, code))).isTrue();
    }

    /** SQLITE_ERROR, SQLITE_READONLY, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CONSTRAINT, SQLITE_CONSTRAINT_UNIQUE. */
    @ParameterizedTest
    @ValueSource(ints = {1, 8, 11, 13, 19, 2067})
    void otherResultCodesAreNot(int code) {
        assertThat(dialect.isTransient(new SQLException("x", null, code))).isFalse();
    }

    @Test
    void aRealBusyFileIsTransient(@TempDir Path folder) throws Exception {
        String url = "jdbc:sqlite:" + folder.resolve("tenant.db");
        try (Connection holder = DriverManager.getConnection(url); Connection other = DriverManager.getConnection(url)) {
            run(holder, "CREATE TABLE t (a int)", "BEGIN EXCLUSIVE");
            run(other, "PRAGMA busy_timeout = 0");
            SQLException busy = catchThrowableOfType(SQLException.class, () -> run(other, "INSERT INTO t VALUES (1)"));
            assertThat(busy.getErrorCode()).isEqualTo(5);
            assertThat(dialect.isTransient(busy)).isTrue();
            run(holder, "COMMIT");
        }
    }
}
