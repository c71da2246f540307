package dev.flotilla.run;

import dev.flotilla.TenantUnreachableException;
import dev.flotilla.engine.migrate.MigrationException;
import dev.flotilla.engine.migrate.VersionConflictException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures a fleet run tries again: {@link Failures#retryable}. */
class FailuresTest {

    @Test
    void aTransientFailureThatLeftNothingBehindIsRetried() {
        assertThat(Failures.retryable(migrationFailure("55P03", true, false))).isTrue();
    }

    @Test
    void aTransientFailureThatLeftTheTargetDirtyIsNotRetried() {
        assertThat(Failures.retryable(migrationFailure("40001", true, true))).isFalse();
    }

    @Test
    void aPermanentFailureIsNotRetriedEvenWhenItRolledBack() {
        assertThat(Failures.retryable(migrationFailure("42P07", false, false))).isFalse();
    }

    @Test
    void aTenantWhoseServerCannotBeReachedIsRetried() {
        assertThat(Failures.retryable(unreachable("08001"))).as("connection refused").isTrue();
        assertThat(Failures.retryable(unreachable(null))).as("no SQLSTATE: the pool timed out").isTrue();
    }

    @Test
    void aTenantWhoseDatabaseDoesNotExistIsNotRetried() {
        assertThat(Failures.retryable(unreachable("3D000"))).isFalse();
    }

    @Test
    void anyOtherFailureIsNotRetried() {
        assertThat(Failures.retryable(new VersionConflictException("t: the version table moved"))).isFalse();
        assertThat(Failures.retryable(new IllegalStateException("a bug"))).isFalse();
    }

    private static MigrationException migrationFailure(String sqlState, boolean transientFailure, boolean dirty) {
        return new MigrationException("t: upgrade to a1 failed", "t", "a1", 1, transientFailure, dirty,
                new SQLException("the database's words", sqlState));
    }

    private static TenantUnreachableException unreachable(String sqlState) {
        return new TenantUnreachableException("tenant 't': cannot connect", "t", "pg", sqlState);
    }
}
