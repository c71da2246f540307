package dev.flotilla.engine.dialect.mysql;

import dev.flotilla.engine.dialect.Dialect;
import dev.flotilla.engine.dialect.TargetReaderContract;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.flotilla.engine.dialect.Queries.run;

/** Databases of one server read over a connection to another database; a name that needs quoting. */
@DatabaseTest(DatabaseKind.MYSQL)
class MySqlTargetReaderTest extends TargetReaderContract {

    private final Dialect dialect = new MySqlDialect();
    private final List<String> created = new ArrayList<>();
    private TestDatabase db;
    private String prefix;

    @BeforeEach
    void database(TestDatabase db) {
        this.db = db;
        this.prefix = db.name() + "`r";
    }

    @AfterEach
    void dropPlaces() throws SQLException {
        try (Connection connection = db.connect()) {
            for (String database : created) {
                run(connection, "DROP DATABASE IF EXISTS " + dialect.sql().quote(database));
            }
        }
    }

    @Override
    protected Dialect dialect() {
        return dialect;
    }

    @Override
    protected Connection connect() throws SQLException {
        return db.connect();
    }

    @Override
    protected String createPlace(Connection connection, String suffix) throws SQLException {
        String database = prefix + suffix;
        run(connection, "CREATE DATABASE " + dialect.sql().quote(database));
        created.add(database);
        return database;
    }

    @Override
    protected String missingPlace() {
        return prefix + "never";
    }

    @Override
    protected Object time(Instant time) {
        return LocalDateTime.ofInstant(time, ZoneOffset.UTC);
    }

    @Override
    protected int manyPlaces() {
        return MySqlTargetReader.DATABASES_PER_STATEMENT * 2 + 3;
    }
}
