package dev.flotilla.journal;

import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;

/** The SQL journal on PostgreSQL: each test gets a fresh database, so the table starts missing. */
@DatabaseTest(DatabaseKind.POSTGRESQL)
class SqlJournalStorePostgresTest extends SqlJournalStoreContract {

    private TestDatabase database;

    @BeforeEach
    void freshDatabase(TestDatabases databases) {
        database = databases.createExtra(DatabaseKind.POSTGRESQL);
    }

    @Override
    TestDatabase database() {
        return database;
    }
}
