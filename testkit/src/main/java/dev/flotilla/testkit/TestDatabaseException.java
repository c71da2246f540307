package dev.flotilla.testkit;

/**
 * The test kit's one unchecked exception: a setting it cannot use, or a database it could not
 * create or drop. A missing server is not an error: it skips the test (see
 * {@link DatabaseTest}), unless {@code FLOTILLA_TEST_REQUIRE_DATABASES=true}, which turns the skip
 * into this exception.
 */
public class TestDatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TestDatabaseException(String message) {
        super(message);
    }

    public TestDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
