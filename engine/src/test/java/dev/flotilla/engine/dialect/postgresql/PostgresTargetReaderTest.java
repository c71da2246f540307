package dev.flotilla.engine.dialect.postgresql;

import dev.flotilla.engine.dialect.Dialect;
import dev.flotilla.engine.dialect.TargetReaderContract;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import org.junit.jupiter.api.BeforeEach;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static dev.flotilla.engine.dialect.Queries.run;

/** Schemas of one database; names that need quoting; more schemas than one round of statements. */
@DatabaseTest(DatabaseKind.POSTGRESQL)
class PostgresTargetReaderTest extends TargetReaderContract {

    private final Dialect dialect = new PostgresDialect();
    private TestDatabase db;
    private String prefix;

    @BeforeEach
    void database(TestDatabase db) {
        this.db = db;
        this.prefix = "Read \"" + Long.toHexString(System.nanoTime()) + "\"; ";
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
        String schema = prefix + suffix;
        run(connection, "CREATE SCHEMA " + dialect.sql().quote(schema));
        return schema;
    }

    @Override
    protected String missingPlace() {
        return prefix + "never created";
    }

    @Override
    protected Object time(Instant time) {
        return OffsetDateTime.ofInstant(time, ZoneOffset.UTC);
    }

    /** Past one round of 50 statements of 10 schemas. */
    @Override
    protected int manyPlaces() {
        return PostgresTargetReader.SCHEMAS_PER_STATEMENT * PostgresTargetReader.STATEMENTS_PER_ROUND + 7;
    }
}
