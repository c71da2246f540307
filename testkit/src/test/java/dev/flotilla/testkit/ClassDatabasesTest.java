package dev.flotilla.testkit;

import static dev.flotilla.testkit.Servers.exists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MYSQL})
class ClassDatabasesTest {

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void createsUsableDatabasesAndDropsThemAllOnClose(DatabaseKind kind, TestDatabases injected) throws SQLException {
        ClassDatabases databases = databasesOn(injected.get(kind));

        TestDatabase primary = databases.get(kind);
        TestDatabase extra = databases.createExtra(kind);

        assertThat(databases.get(kind)).isSameAs(primary);
        assertThat(primary.name()).matches("ft_\\d+_[0-9a-f]{8}").isNotEqualTo(extra.name());
        assertThat(exists(primary, primary.name())).isTrue();
        assertThat(exists(primary, extra.name())).isTrue();
        assertThat(roundTrip(primary)).isEqualTo("ålesund ✓");

        databases.close();

        assertThat(exists(primary, primary.name())).isFalse();
        assertThat(exists(primary, extra.name())).isFalse();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void dropsADatabaseThatAnOpenTransactionStillUses(DatabaseKind kind, TestDatabases injected) throws SQLException {
        ClassDatabases databases = databasesOn(injected.get(kind));
        TestDatabase database = databases.get(kind);

        try (Connection leaked = database.connect(); Statement statement = leaked.createStatement()) {
            statement.execute("CREATE TABLE held (id INT PRIMARY KEY)");
            leaked.setAutoCommit(false);
            statement.execute("INSERT INTO held VALUES (1)");

            assertTimeoutPreemptively(Duration.ofSeconds(30), databases::close);
        } catch (SQLException expected) {
            // The leaked session was ended by the drop, so closing it may complain; that is the point.
        }

        assertThat(exists(database, database.name())).isFalse();
    }

    private static ClassDatabases databasesOn(TestDatabase anyOnServer) {
        ServerEndpoint server = Servers.endpointOf(anyOnServer);
        return new ClassDatabases(kind -> server, new DatabaseNames(Clock.systemUTC(), new SecureRandom()));
    }

    /** Also proves the database was created with a Unicode character set. */
    private static String roundTrip(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE note (body VARCHAR(40))");
            statement.execute("INSERT INTO note VALUES ('ålesund ✓')");
            try (ResultSet rows = statement.executeQuery("SELECT body FROM note")) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
