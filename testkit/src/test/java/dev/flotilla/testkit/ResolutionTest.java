package dev.flotilla.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class ResolutionTest {

    private final Resolution.Unavailable unavailable =
            new Resolution.Unavailable(DatabaseKind.POSTGRESQL, "No PostgreSQL server for tests. Tried x: y.");

    @Test
    void aMissingServerSkipsWithTheReason() {
        assertThatThrownBy(() -> unavailable.endpointOrAbort(false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessage("No PostgreSQL server for tests. Tried x: y.");
    }

    @Test
    void aMissingServerFailsWhenDatabasesAreRequired() {
        assertThatThrownBy(() -> unavailable.endpointOrAbort(true))
                .isInstanceOf(TestDatabaseException.class)
                .hasMessage("No PostgreSQL server for tests. Tried x: y."
                        + " [FLOTILLA_TEST_REQUIRE_DATABASES=true: failing instead of skipping]");
    }
}
