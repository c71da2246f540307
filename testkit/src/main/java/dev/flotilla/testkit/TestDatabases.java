package dev.flotilla.testkit;

/**
 * The databases of one test class, injectable into constructors, {@code @BeforeAll},
 * {@code @BeforeEach} and test methods of a class that uses {@link TestDatabaseExtension}.
 *
 * <p>Use it when a class works with more than one kind, or needs more than one database (say, one
 * per tenant on MySQL/MariaDB, where a schema is a database). Everything it hands out is dropped
 * after the class. Thread-safe.
 */
public interface TestDatabases {

    /**
     * The class's database of that kind, created on first call; later calls in the same class return
     * the same one. Aborts the test (or fails it, under {@code FLOTILLA_TEST_REQUIRE_DATABASES=true})
     * when no server of that kind can be had.
     */
    TestDatabase get(DatabaseKind kind);

    /** A further fresh database of that kind on the same server, new on every call. */
    TestDatabase createExtra(DatabaseKind kind);
}
