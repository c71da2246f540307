package dev.flotilla.journal;

import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import org.junit.jupiter.api.BeforeEach;

import java.sql.SQLException;

/** The SQL journal on PostgreSQL; each test starts without the journal table. */
@DatabaseTest(DatabaseKind.POSTGRESQL)
class SqlJournalStorePostgresTest extends SqlJournalStoreContract {

    private TestDatabase database;

    @BeforeEach
    void withoutJournalTable(TestDatabase db) throws SQLException {
        database = db;
        dropJournalTable();
    }

    @Override
    TestDatabase database() {
        return database;
    }
}
