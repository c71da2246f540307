package dev.flotilla.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class its own fresh database of each listed kind, created before the
 * class's first test and dropped after its last one.
 *
 * <pre>{@code
 * @DatabaseTest(DatabaseKind.POSTGRESQL)
 * class LockTest {
 *     @Test
 *     void secondLockerWaits(TestDatabase db) throws SQLException {
 *         try (Connection c = db.connect()) { ... }
 *     }
 * }
 * }</pre>
 *
 * <p>A {@link TestDatabase} parameter receives the class's database when exactly one kind is listed;
 * with several, inject {@link TestDatabases} and call {@link TestDatabases#get(DatabaseKind)}. If no
 * server of a listed kind can be found, the whole class is skipped with one line naming every source
 * tried and why it failed; {@code FLOTILLA_TEST_REQUIRE_DATABASES=true} makes that a failure.
 * {@code @Nested} classes share their enclosing class's databases.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(TestDatabaseExtension.class)
public @interface DatabaseTest {

    /** The kinds this class needs; at least one. */
    DatabaseKind[] value();
}
